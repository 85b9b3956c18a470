"""Every user-facing string of the app, in Arabic and English, in one table.

Pages never hold a string literal a reader sees; they ask ``t(key, lang)``. Figures inside
sentences are placeholders filled from data/, never typed here. tests/test_i18n.py checks that
every key has both languages and the same placeholders in each.
"""

from __future__ import annotations

from techmoney.words.locale import LANGS, locale

# Latin tokens inside Arabic strings sit between U+2066 (LRI) and U+2069 (PDI), written as escapes
# so they can be seen; a value of unknown direction from a link, between U+2068 (FSI) and U+2069.
# Arabic quoted inside English strings sits between U+2067 (RLI) and U+2069.
TEXT: dict[str, dict[str, str]] = {
    "app_title": {"ar": "أموال التكنولوجيا 2024", "en": "Tech Money 2024"},
    "app_tagline": {
        "ar": "من يموّل من في سباق 2024: حلفاء هاريس في وادي السيليكون ومستثمرو التكنولوجيا الداعمون لترامب",
        "en": "Who funds whom in 2024: Harris's Silicon Valley allies and the tech investors backing Trump",
    },
    "page_story": {"ar": "القصة", "en": "Story"},
    "page_money": {"ar": "المال", "en": "Money"},
    "page_donors": {"ar": "المتبرعون والمعسكرات", "en": "Donors & camps"},
    "page_timeline": {"ar": "الخط الزمني", "en": "Timeline"},
    "page_sources": {"ar": "المصادر والبيانات", "en": "Sources & data"},
    "lang_nav": {"ar": "اللغة", "en": "Language"},
    "lang_ar": {"ar": "العربية", "en": "\u2067العربية\u2069 (Arabic)"},
    "lang_en": {"ar": "\u2066English\u2069 (الإنجليزية)", "en": "English"},
    "camp_filter": {"ar": "المعسكرات المعروضة", "en": "Camps shown"},
    "camp_filter_none": {"ar": "اختر معسكرًا", "en": "Choose a camp"},
    # The server's first screen: the camp filter as links, each camp's name its visible text.
    "camp_hide": {"ar": "إخفاء: {camp}", "en": "Hide: {camp}"},
    "camp_add": {"ar": "إظهار: {camp}", "en": "Show: {camp}"},
    "camp_filter_help": {
        "ar": "تتبع الرسوم والجداول في كل الصفحات هذا الاختيار. بعض التصنيفات اجتهاد منّا (بايدن، والتوأمان "
        "وينكليفوس، وفانس، ومجموعات \u2066501(c)(4)\u2069، والشخص الذي وصف المكالمات، والمصدر الذي قدّر الحصيلة المتوقعة): سبب كل منها في عمود «لماذا هذا "
        "المعسكر» في صفحة المتبرعين والمعسكرات.",
        "en": "Charts and tables on every page follow this choice. Some placements are our judgement calls (Biden, "
        "the Winklevoss twins, Vance, the 501(c)(4) groups, the person who described the calls, the source of the "
        "estimate): the “Why this camp” "
        "column on the Donors & camps page gives each reason.",
    },
    "notice_dropped": {
        "ar": "تجاهلنا قيمة غير معروفة في الرابط (\u2066{key}\u2069 = «\u2068{value}\u2069») وعرضنا الوضع الافتراضي.",
        "en": "We ignored an unknown value in the link ({key} = “{value}”) and used the default.",
    },
    "notice_repeated": {
        "ar": "تكرر المفتاح \u2066{key}\u2069 في الرابط؛ استخدمنا آخر قيمة صالحة.",
        "en": "The link repeats {key}; we used the last valid value.",
    },
    "notice_unknown_key": {
        "ar": "تجاهلنا مفتاحًا غير معروف في الرابط: «\u2068{key}\u2069».",
        "en": "We ignored an unknown key in the link: “{key}”.",
    },
    "notice_too_long": {
        "ar": "تجاهلنا قيمة طويلة جدًا في الرابط (\u2066{key}\u2069).",
        "en": "We ignored an overlong value in the link ({key}).",
    },
    "chart_empty": {
        "ar": "{title}: لا بيانات لهذا الرسم في اختيارك الحالي للمعسكرات.",
        "en": "{title}: this chart has nothing for your current choice of camps.",
    },
    # True whether or not a camp is selected; when none is, empty_no_camp says so more plainly.
    "empty_filter": {
        "ar": "لا شيء هنا ضمن اختيارك الحالي للمعسكرات. غيّر المعسكرات المعروضة أو أضف إليها من الشريط الجانبي.",
        "en": "Nothing here falls within your current choice of camps. Change or add camps in the sidebar.",
    },
    "empty_no_camp": {
        "ar": "لم تختر أي معسكر. اختر معسكرًا واحدًا على الأقل من الشريط الجانبي.",
        "en": "No camp is selected. Pick at least one camp in the sidebar.",
    },
    "data_failed_title": {"ar": "فشل التحقق من البيانات", "en": "The dataset failed validation"},
    "data_failed_body": {
        "ar": "لا يمكن عرض الأرقام قبل إصلاح الملفات التالية (الملف:الصف:العمود):",
        "en": "No figures can be shown until these are fixed (file:row:column):",
    },
    # Qualifiers and bounds
    "qualifier_exact": {"ar": "مبلغ محدد", "en": "exact"},
    "qualifier_at_least": {"ar": "على الأقل", "en": "at least"},
    "qualifier_more_than": {"ar": "أكثر من", "en": "more than"},
    "qualifier_estimated": {"ar": "تقدير", "en": "estimated"},
    "qualifier_projected": {
        "ar": "حصيلة متوقعة: تقدير مصدر واحد، لا أموال مُحصّلة",
        "en": "projected: one source's estimate, not money raised",
    },
    "qualifier_derived": {"ar": "من حسابنا، على الأقل", "en": "derived by us, a minimum"},
    "bound_at_most": {"ar": "حد أقصى", "en": "at most"},
    "amount_unknown": {"ar": "المبلغ غير معروف", "en": "amount unknown"},
    # A figure with its bound, in words (techmoney.words.formatting.figure_text)
    "figure_at_least": {"ar": "{figure} على الأقل", "en": "at least {figure}"},
    "figure_more_than": {"ar": "أكثر من {figure}", "en": "more than {figure}"},
    "figure_at_most": {"ar": "{figure} على الأكثر", "en": "at most {figure}"},
    # Dates in words (techmoney.words.formatting.date_words)
    "date_unknown": {"ar": "بلا تاريخ", "en": "no date"},
    "date_early": {"ar": "أوائل {when}", "en": "early {when}"},
    "date_mid": {"ar": "منتصف {when}", "en": "mid-{when}"},
    "date_late": {"ar": "أواخر {when}", "en": "late {when}"},
    "date_about": {"ar": "نحو {when}", "en": "about {when}"},
    # Key figures
    "kf_goal": {
        "ar": "الحصيلة المتوقعة لجهود حلفاء هاريس وحدها (تقدير)",
        "en": "Projected haul of the Harris allies' efforts alone (an estimate)",
    },
    "kf_hastings": {"ar": "تبرع ريد هاستينغز", "en": "Reed Hastings's gift"},
    "kf_limit": {
        "ar": "السقف القانوني لتبرع الفرد للجنة ترامب 47 (على لجانها الأعضاء مجتمعة)",
        "en": "Legal cap per donor for the Trump 47 committee (its member committees together)",
    },
    "kf_refund": {
        "ar": "المبلغ المُعاد لكل توأم بحسب ما ورد (من حسابنا)",
        "en": "Reportedly refunded, per twin (our derivation)",
    },
    # Charts
    "source_line": {
        "ar": "المصدر: تقرير \u2066CNBC\u2069، يوليو/تموز 2024 (ترجمة عربية)؛ بيانات «أموال التكنولوجيا 2024»، "
        "الإصدار {version}",
        "en": "Source: CNBC report, July 2024 (Arabic translation); Tech Money 2024 dataset v{version}",
    },
    "chart_table": {"ar": "البيانات كجدول (بديل نصي)", "en": "Data as a table (text alternative)"},
    "download_csv": {"ar": "تنزيل \u2066CSV\u2069", "en": "Download CSV"},
    "goal_title": {
        "ar": "تبرع هاستينغز إلى جانب الحصيلة المتوقعة (تقدير)",
        "en": "Hastings's gift beside the projected haul (an estimate)",
    },
    "goal_subtitle": {
        "ar": "الحصيلة المتوقعة تقدير مصدر واحد لم يُكشف اسمه لما قد تجمعه جهود الحلفاء وحدها (أكثر من المبلغ المرسوم)، "
        "لا أموال مُحصّلة. والتبرع بحسب ما أورده موقع ذا إنفورميشن. حصته من التقدير {share} على الأكثر ({working}).",
        "en": "The projected haul is one unnamed source's estimate of what the allies' efforts alone may raise (more "
        "than the bar shows); it is not money raised. The gift is as reported by The Information. Its share of the "
        "estimate: at most {share} ({working}).",
    },
    "goal_bar_goal": {"ar": "الحصيلة المتوقعة (تقدير)", "en": "Allies' projected haul (estimate)"},
    "goal_bar_gift": {"ar": "تبرع هاستينغز", "en": "Hastings's gift"},
    "twins_title": {
        "ar": "التوأمان وينكليفوس: التبرع والسقف والمبلغ المُعاد",
        "en": "The Winklevoss twins: gift, cap and refund",
    },
    "twins_subtitle": {
        "ar": "تبرع كل منهما بما لا يقل عن {gift} بحسب سجلات لجنة الانتخابات الفيدرالية، وبحسب ما ورد أُعيد جزء "
        "منه. المبلغ المُعاد هنا من حسابنا: الفرق بين التبرع والسقف ({formula})، وهو مبلغ على الأقل "
        "بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها.",
        "en": "Each gave at least {gift}, according to FEC filings; part was reportedly refunded. The refund shown is "
        "our derivation: gift minus cap ({formula}), a minimum, assuming the committee kept no more than the cap and the twins gave its member committees nothing else.",
    },
    "measure_gift": {"ar": "التبرع", "en": "Gift"},
    "measure_limit": {"ar": "السقف القانوني لتبرع الفرد", "en": "Legal cap per donor"},
    "measure_refund": {"ar": "المبلغ المُعاد بحسب ما ورد (من حسابنا)", "en": "Refund, reportedly (derived)"},
    "share_working": {
        "ar": "من حسابنا: {gift} ÷ {goal}، بافتراض أن التبرع يُحتسب ضمن هذا التقدير، وهو ما لا يقوله المقال",
        "en": "our computation: {gift} ÷ {goal}, assuming the gift counts toward that estimate, which the article does not say",
    },
    "before_refunds": {"ar": "قبل المبالغ المُعادة", "en": "before refunds"},
    "flows_title": {"ar": "إلى أين تذهب الأموال", "en": "Where the money goes"},
    "flows_subtitle": {
        "ar": "الروابط الرمادية مبالغها غير معروفة ولا يعبّر عرضها عن مبلغ؛ الحصيلة المتوقعة تقدير مصدر واحد، لا أموال مُحصّلة.",
        "en": "Grey links have unknown amounts and are not drawn to scale; the projected haul is one source's "
        "estimate, not money raised.",
    },
    "camps_title": {"ar": "التبرعات الواردة في المقال حسب المعسكر (مقارنة أجريناها)", "en": "Reported gifts by camp (our comparison)"},
    "camps_subtitle": {
        "ar": "جمعنا لكل معسكر التبرعات التي يذكرها المقال، قبل أي مبلغ مُعاد: ليست ما احتفظت به اللجان. المقال لا "
        "يجري هذه المقارنة، ولا يذكر مبالغ لأندريسن أو هورويتز أو ماسك. ووضعنا التوأمين وينكليفوس مع مؤيدي ترامب "
        "استنتاجًا من تبرعهما (اجتهاد منّا). والشريط لمبلغ «على الأقل» مرسوم عند حده الأدنى: قد يكون المجموع أكبر.",
        "en": "Our sums of the gifts the article reports for each camp, before any refund: not what the committees "
        "kept. The article makes no such comparison and gives no amounts for Andreessen, Horowitz or Musk. We count "
        "the Winklevoss twins as pro-Trump, inferred from their gift (our call). A bar for an “at least” sum is drawn at its minimum: the sum may be larger.",
    },
    "timeline_title": {"ar": "الخط الزمني للقصة", "en": "Timeline of the story"},
    "timeline_subtitle": {
        "ar": "الدوائر المفرغة تواريخ استنتجناها من عبارات نسبية في المقال (أما تاريخ انسحاب بايدن فمن السجل العام: "
        "رسالته المنشورة على منصة \u2066X\u2069 في ذلك اليوم)؛ «نحو» و«أواخر» و«أوائل» تعني أنها تقريبية.",
        "en": "Open circles are dates we worked out from relative phrases in the article (the date of Biden's withdrawal "
        "is public record: his letter posted on X that day); “about”, “late” and “early” mark them as approximate.",
    },
    "axis_usd": {"ar": "دولار أمريكي", "en": "US dollars"},
    "axis_date": {"ar": "التاريخ", "en": "Date"},
    "approximate": {"ar": "تاريخ استنتجناه", "en": "worked out"},
    "col_date_kind": {"ar": "نوع التاريخ", "en": "Kind of date"},
    "exact_date": {"ar": "تاريخ مذكور", "en": "date given"},
    "undated": {"ar": "أحداث بلا تاريخ محدد", "en": "Undated events"},
    # Table headers
    "col_label": {"ar": "البند", "en": "Item"},
    "col_amount": {"ar": "المبلغ", "en": "Amount"},
    "col_amount_usd": {"ar": "المبلغ (دولار)", "en": "Amount (USD)"},
    "col_qualifier": {"ar": "طبيعة الرقم", "en": "Qualifier"},
    "col_formula": {"ar": "طريقة الحساب", "en": "How derived"},
    "col_from": {"ar": "من", "en": "From"},
    "col_to": {"ar": "إلى", "en": "To"},
    "col_status": {"ar": "الحالة", "en": "Status"},
    "col_camp": {"ar": "المعسكر", "en": "Camp"},
    "col_camp_note": {"ar": "لماذا هذا المعسكر", "en": "Why this camp"},
    "col_name": {"ar": "الاسم", "en": "Name"},
    "col_role": {"ar": "الدور", "en": "Role"},
    "col_date": {"ar": "التاريخ", "en": "Date"},
    "col_event": {"ar": "الحدث", "en": "Event"},
    "col_reasoning": {"ar": "كيف حُدّد التاريخ", "en": "How the date was resolved"},
    "col_origin": {"ar": "مصدر الرقم", "en": "Where the figure comes from"},
    "col_excerpt": {"ar": "النص في المقال", "en": "Source sentence (Arabic)"},
    "col_twin": {"ar": "التوأم", "en": "Twin"},
    "col_measure": {"ar": "البند", "en": "Measure"},
    "col_gifts": {"ar": "عدد التبرعات", "en": "Gifts"},
    "status_projected": {"ar": "متوقع", "en": "projected"},
    "status_estimate": {"ar": "تقدير مصدر واحد", "en": "one source's estimate"},
    "status_reported": {"ar": "بحسب ما ورد", "en": "reported"},
    "status_refunded_in_part": {"ar": "أُعيد جزء منه بحسب ما ورد", "en": "reportedly refunded in part"},
    "status_planned": {"ar": "مُزمَع", "en": "planned"},
    "status_legal": {"ar": "سقف قانوني", "en": "legal cap"},
    "status_derived": {"ar": "من حسابنا", "en": "derived"},
    # Story page
    "story_intro": {
        "ar": "قصة واحدة، وكل رقم من المقال فيها مربوط بجملته، وما جاء من السجل العام أو من حسابنا موسوم بذلك. اختر المعسكرات من الشريط الجانبي، وشارك الرابط كما تراه.",
        "en": "One story: every figure from the article is tied to its sentence, and what comes from the public record or our own arithmetic is labelled so. Pick camps in the sidebar and share the link as you see it.",
    },
    "key_figures": {"ar": "أرقام رئيسية", "en": "Key figures"},
    "section_push_title": {"ar": "مسعى من وراء الكواليس", "en": "A push behind the scenes"},
    "section_push_body": {
        "ar": "منذ انسحاب بايدن، يحاول المستثمران المخضرمان ريد هوفمان ورون كونواي وحلفاء آخرون لهاريس إقناع "
        "المتبرعين الأثرياء في قطاع التكنولوجيا بدعمها، بحسب أشخاص مطلعين على الأمر. ويقدّر مصدر واحد مطّلع على مسعى حلفاء هاريس، لم يُكشف اسمه، أن جهود الحلفاء وحدها في طريقها إلى جمع "
        "أكثر من {goal} من كبار المتبرعين في صناعة التكنولوجيا: حصيلة متوقعة (تقدير)، لا أموال مُحصّلة. نص المقال: «{quote}».",
        "en": "Since Biden withdrew, veteran investors Reid Hoffman and Ron Conway, along with other Harris allies, have "
        "been urging wealthy tech donors to back her, according to people familiar with the matter. One unnamed source familiar with the push estimates that the allies' efforts alone are on track "
        "to raise more than {goal} from big tech donors: a projection, not money raised. In the Arabic: \u2067«{quote}»\u2069.",
    },
    "section_hastings_body": {
        "ar": "وبحسب موقع ذا إنفورميشن (قراءتنا لعبارة الترجمة «وفقًا للمعلومات»)، أقنع هوفمان ريد هاستينغز، رئيس مجلس إدارة نتفليكس، بدعم هاريس بتبرع قدره {gift} "
        "للجنة عمل سياسي كبرى (سوبر باك) مؤيدة لهاريس ({super_pac})، أي {share} على الأكثر من الحصيلة المتوقعة "
        "({working}). وبعد يومين من قوله إن على المندوبين الديمقراطيين اختيار «فائز في الولاية المتأرجحة» (أي مرشح "
        "قادر على الفوز في الولايات المتأرجحة، بقراءتنا)، كتب: «{quote}».",
        "en": "According to The Information (our reading of the translation's \u2067«وفقًا للمعلومات»\u2069), Hoffman persuaded Netflix chairman Reed Hastings to back Harris with a "
        "{gift} gift to a pro-Harris super PAC ({super_pac}), at most {share} of the projected haul ({working}). Two "
        "days after saying Democratic delegates needed to pick a swing-state winner (our reading of the translation's "
        "\u2067«فائز في الولاية المتأرجحة»\u2069, “a winner in the swing state”), he wrote (in the Arabic): "
        "\u2067«{quote}»\u2069.",
    },
    "section_flows_title": {"ar": "أين تذهب الأموال", "en": "Where the money goes"},
    "section_flows_body": {
        "ar": "تُوجَّه الأموال، بحسب المقال، إلى حملة هاريس ولجان العمل السياسي الداعمة لها ومجموعات «المال المظلم» "
        "(\u2066501(c)(4)\u2069)، وهي مجموعات لا تكشف علنًا عن متبرعيها. نص المقال: «{quote}». ولا يذكر المقال كيف "
        "تتوزع المبالغ.",
        "en": "According to the article, the money goes to the Harris campaign, the PACs backing her and 501(c)(4) "
        "“dark money” groups, which do not publicly disclose their donors (in the Arabic: \u2067«{quote}»\u2069). "
        "The article does not say how it splits.",
    },
    "section_twins_title": {"ar": "بيتكوين التوأمين وينكليفوس لترامب", "en": "The twins' bitcoin for Trump"},
    "section_twins_body": {
        "ar": "تبرع كل من كاميرون وتايلر وينكليفوس بما لا يقل عن {gift} بالبيتكوين إلى لجنة ترامب 47، بحسب سجلات "
        "لجنة الانتخابات الفيدرالية. وبحسب ما ورد، أُعيد جزء من هذه الأموال لأن كل تبرع تجاوز {limit}، وهو السقف "
        "القانوني لتبرع الفرد للجنة ترامب 47 ولجانها الأعضاء مجتمعة بحسب قواعد لجنة الانتخابات الفيدرالية (تقول الترجمة «كل شيك»). وإن لم تحتفظ اللجنة بأكثر من السقف، "
        "ولم يتبرع التوأمان بشيء آخر للجان الأعضاء فيها، فالمبلغ المُعاد بحسب ما ورد لكل منهما {refund} على الأقل، من حسابنا. نص المقال: «{quote}».",
        "en": "Cameron and Tyler Winklevoss each gave at least {gift} in bitcoin to the Trump 47 committee, according "
        "to FEC filings. Some of the money was reportedly refunded because each gift exceeded {limit}, the legal cap "
        "per donor for the Trump 47 committee and its member committees under the FEC's rules (the translation says “each check”). If the committee kept no more "
        "than the cap and the twins gave its member committees nothing else, what was reportedly refunded to each twin was at least {refund}, by our derivation. In the "
        "Arabic: \u2067«{quote}»\u2069.",
    },
    "section_skeptics_title": {"ar": "المتشككون وسجل هاريس", "en": "The skeptics and Harris's record"},
    "section_skeptics_body": {
        "ar": "النتائج حتى الآن متباينة، بحسب المقال. ويشكك مستشار واحد لمديرين تنفيذيين في قطاع العملات المشفرة، لم يُكشف اسمه، "
        "في نجاح المسعى: «{quote}»، مشيرًا إلى سجلها منذ انتخابها مدعية عامة لكاليفورنيا. أما بقية ذلك السجل، من "
        "تصريحها عن تفكيك فيسبوك إلى قولها إن الإدارة لا تنوي حظر تيك توك قبل أن يوقّع بايدن قانونًا قد يحظره، "
        "فيرويه المقال نفسه.",
        "en": "So far, the article says, results are mixed. One unnamed adviser to crypto executives doubts the pitch "
        "will work (in the Arabic: \u2067«{quote}»\u2069), pointing to her record since her election as California "
        "attorney general. The rest of that record, from her remark on breaking up Facebook to her saying the "
        "administration did not intend to ban TikTok before Biden signed a bill that could, is the article's own "
        "account.",
    },
    # Donors page
    "donors_intro": {
        "ar": "كل من يذكره المقال، مصنفًا حسب المعسكر. بعض التصنيفات اجتهاد منّا، وسببها في عمود «لماذا هذا المعسكر». "
        "اختر اسمًا لعرض سجلاته.",
        "en": "Everyone the article names, by camp. Some placements are our judgement calls; the “Why this camp” column "
        "says why. Pick a name to see its records.",
    },
    "actor_select": {"ar": "اختر اسمًا", "en": "Pick a name"},
    "actor_none": {"ar": "— لا أحد —", "en": "— none —"},
    "actor_show": {"ar": "اعرض", "en": "Show"},  # the first screen's name picker: the button of its form
    "actor_records": {"ar": "{name}: السجلات", "en": "Records for {name}"},
    "actor_amounts": {"ar": "المبالغ", "en": "Amounts"},
    "actor_quotes": {"ar": "أقوال", "en": "Quotes"},
    "actor_stances": {"ar": "المواقف", "en": "Stances"},
    "actor_camp_note": {"ar": "لماذا هذا المعسكر", "en": "Why this camp"},
    "actor_none_records": {"ar": "لا مبالغ ولا أقوال مسجلة لهذا الاسم.", "en": "No amounts or quotes recorded for this name."},
    "actors_table": {"ar": "الأسماء والأدوار", "en": "Names and roles"},
    "quote_translation": {"ar": "ترجمتنا: «{text}»", "en": "our translation: “{text}”"},
    # A stance toward {name}, said in words (no arrow between subject and object).
    "stance_endorsed": {"ar": "أيّد {name}", "en": "endorsed {name}"},
    "stance_said_will_back": {"ar": "قال إنه سيدعم {name}", "en": "said he would back {name}"},
    "stance_vocal_supporter": {"ar": "من أشد مؤيدي {name}", "en": "a vocal supporter of {name}"},
    "stance_donated": {"ar": "تبرّع للجنة تجمع الأموال لصالح {name}", "en": "gave to a committee raising money for {name}"},
    "stance_undecided": {
        "ar": "{name} بحاجة، كما قال، إلى اختيار «فائز في الولاية المتأرجحة» (بقراءتنا: مرشح قادر على الفوز في الولايات المتأرجحة)؛ قالها قبل أن يؤيد هاريس بيومين",
        "en": "said {name} needed to pick a swing-state winner, two days before he backed Harris",
    },
    "stance_plans_to_give": {"ar": "يعتزم التبرع، بمبلغ غير معروف، إلى {name}", "en": "plans to give an unknown amount to {name}"},
    "super_pac_source": {
        "ar": "«سوبر باك» كما في التقرير الأصلي بالإنجليزية؛ تقول الترجمة «لجنة العمل السياسي»",
        "en": "“super PAC” as in CNBC's English original; the translation says \u2067«لجنة العمل السياسي»\u2069, a PAC",
    },
    "stance_doubts": {"ar": "يشكك في نجاح {name}", "en": "doubts {name} will succeed"},
    # Timeline page
    "timeline_intro": {
        "ar": "من انتخاب هاريس مدعية عامة إلى المهلة النهائية لبيع تيك توك بحلول أوائل 2025.",
        "en": "From Harris's election as attorney general to the deadline for selling TikTok, by early 2025.",
    },
    # Money page
    "money_intro": {
        "ar": "أرقام من المقال، وأرقام حسبناها منه، وأرقام من السجل العام (لجنة الانتخابات الفيدرالية وتقارير صحفية) تشرح السقف؛ كل رقم موسوم بمصدره، والتقدير والمحسوب موسومان بوضوح.",
        "en": "Figures from the article, our computations from them, and public-record figures (the FEC, press reports) that explain the cap, each labelled with where it comes from; estimates and our derivations are marked.",
    },
    "limits_title": {"ar": "السقف القانوني وحدود التبرع", "en": "The legal cap and contribution limits"},
    "limits_note": {
        "ar": "السقف الوحيد الذي يذكره المقال هو سقف لجنة ترامب 47. تقول الترجمة «كل شيك»، لكنه بحسب قواعد لجنة "
        "الانتخابات الفيدرالية السقف القانوني لتبرع الفرد: يسري على مجموع ما يعطيه المتبرع للجنة ولجانها الأعضاء، لا على "
        "كل شيك. أما حدود لجنة الانتخابات الفيدرالية التي يتكوّن منها فسجل عام، ليس من المقال، وكل منها موسوم بمصدره.",
        "en": "The only cap the article names is Trump 47's. The translation says “each check”, but under the FEC's rules "
        "it is a legal cap per donor: it applies to all a donor gives the committee and its member committees, not to each "
        "check. The FEC limits it is built from are public record, not in the article, each labelled with its source.",
    },
    # Sources page
    "sources_intro": {
        "ar": "المقال كما نُشر، والجمل المستشهد بها مظللة ومربوطة بسجلاتها.",
        "en": "The article as published, with every cited sentence highlighted and linked to its records.",
    },
    "article_heading": {"ar": "المقال المصدر", "en": "The source article (Arabic)"},
    "not_story": {"ar": "ليس من نص القصة", "en": "Not part of the story"},
    "cited_by": {"ar": "مستشهد به في: {records}", "en": "Cited by: {records}"},
    "records_heading": {"ar": "السجلات المستشهد بها ومعرّفاتها (للاستشهاد)", "en": "Cited records and their ids (for citing)"},
    "docs_heading": {"ar": "السجلات المستشهد بها، وقاموس البيانات والمنهج، وسجل التغييرات",
                     "en": "Cited records, data dictionary and method, changelog"},
    "dictionary_heading": {"ar": "قاموس البيانات وملاحظات المنهج (بالإنجليزية)", "en": "Data dictionary and method"},
    "downloads_heading": {"ar": "التنزيلات", "en": "Downloads"},
    "download_tables": {"ar": "تنزيلات أخرى: كل جدول (\u2066CSV\u2069)، والأسماء المختارة، وبطاقة مشاركة (\u2066PNG\u2069)",
                        "en": "More downloads: each table (CSV), the names you selected, a share card (PNG)"},
    "download_table": {"ar": "تنزيل {label} (\u2066{name}.csv\u2069)", "en": "Download {label} ({name}.csv)"},
    # Each data file by what it holds (the Sources page's downloads); the file name follows in brackets.
    "table_camps": {"ar": "جدول المعسكرات", "en": "the camps table"},
    "table_actors": {"ar": "جدول الأسماء والأدوار", "en": "the names and roles table"},
    "table_money_facts": {"ar": "جدول المبالغ", "en": "the amounts table"},
    "table_money_flows": {"ar": "جدول مسارات الأموال", "en": "the money flows table"},
    "table_endorsements": {"ar": "جدول التأييد والمواقف", "en": "the endorsements and stances table"},
    "table_quotes": {"ar": "جدول الأقوال", "en": "the quotes table"},
    "table_events": {"ar": "جدول الأحداث", "en": "the events table"},
    "table_article_lines": {"ar": "جدول أسطر المقال خارج القصة", "en": "the article's non-story lines table"},
    "table_context_facts": {"ar": "جدول السجل العام", "en": "the public-record table"},
    "download_filtered": {"ar": "تنزيل الأسماء حسب المعسكرات المختارة (\u2066CSV\u2069)",
                          "en": "Download names in the selected camps (CSV)"},
    "download_bundle": {"ar": "تنزيل البيانات كاملة (ملف \u2066ZIP\u2069، الإصدار {version})",
                        "en": "Download the whole dataset (ZIP, version {version})"},
    "cite_heading": {"ar": "طريقة الاستشهاد", "en": "How to cite"},
    "cite_text": {
        "ar": "«أموال التكنولوجيا 2024»، الإصدار {version}، مبني على تقرير \u2066CNBC\u2069 (يوليو/تموز 2024) بترجمته "
        "العربية. تاريخ الاطلاع: {date}. {link}",
        "en": "Tech Money 2024, dataset version {version}, built from a CNBC report (July 2024) in Arabic translation. Accessed {date}. {link}",
    },
    "embed_heading": {"ar": "تضمين رسم", "en": "Embed a chart"},
    "embed_help": {"ar": "انسخ هذا الرمز لتضمين الرسم في صفحة أخرى:", "en": "Copy this code to embed the chart in another page:"},
    "embed_oembed": {"ar": "أو الصق رابط الصفحة أو الرسم في نظام إدارة محتوى يدعم \u2066oEmbed\u2069، فيُضمِّن الرسم بنفسه.",
                     "en": "Or paste the link to a page or chart into a CMS that reads oEmbed: it embeds the chart by itself."},
    "embed_credit": {"ar": "«{site}»: الرسم كاملًا مع بياناته ومصادره (يُفتح في علامة تبويب جديدة)",
                     "en": "{site}: the full chart with its data and sources (opens in a new tab)"},
    "corrections_heading": {"ar": "تصحيحات البيانات وأسبابها", "en": "Corrections to the data, and why"},
    "changelog_heading": {"ar": "سجل التغييرات والتصحيحات (بالإنجليزية)", "en": "Changelog and corrections"},
    "share_card": {"ar": "تنزيل بطاقة مشاركة (\u2066PNG\u2069)", "en": "Download a share card (PNG)"},
    "share_link": {"ar": "رابط هذا العرض", "en": "Link to this view"},
    "card_camp_ours": {"ar": "{camp} (تصنيفنا)", "en": "{camp} (our call)"},
    "card_source": {"ar": "المصدر: \u2066CNBC\u2069، يوليو/تموز 2024 — ترجمة عربية", "en": "Source: CNBC, July 2024 — Arabic translation"},
    # The $844,600 cap: public record beside the article (techmoney/content/cap_explainer.py, charts.allocation_chart).
    # Latin tokens in Arabic are isolated (LRI ... PDI); every figure is a placeholder filled from data/.
    "cap_tag_article": {"ar": "من المقال", "en": "from the article"},
    "cap_tag_public_record": {"ar": "سجل عام، ليس من المقال", "en": "public record, not in the article"},
    "cap_tag_inference": {
        "ar": "استنتاجنا — سجل عام، ليس من المقال",
        "en": "our inference — public record, not in the article",
    },
    "cap_tag_derivation": {"ar": "من حسابنا بأرقام المقال", "en": "our derivation from the article's figures"},
    "cap_tag_secondary": {
        "ar": "ملخص مكتب محاماة لقواعد لجنة الانتخابات الفيدرالية، ليس من المقال",
        "en": "a law firm's summary of the FEC rules, not in the article",
    },
    "cap_tag_article_per_donor": {
        "ar": "الرقم من المقال، وسريانه على كل متبرع عبر لجانها الأعضاء مجتمعة من قواعد لجنة الانتخابات الفيدرالية (سجل عام)",
        "en": "the figure is from the article; that it is per donor across its member committees is the FEC's rule (public record)",
    },
    "cap_label": {"ar": "{tag} — المصدر: {sources}", "en": "{tag} — source: {sources}"},
    "cap_undated": {"ar": "بلا تاريخ", "en": "undated"},
    "cap_in_english": {"ar": "{title} (بالإنجليزية)", "en": "{title}"},
    "cap_link": {"ar": "لماذا السقف {cap}، وأين ذهب تبرع كل من التوأمين؟",
                 "en": "Why the cap is {cap}, and where each twin's gift went"},
    "cap_at_least": {"ar": "{amount} على الأقل", "en": "at least {amount}"},
    "cap_explainer_title": {
        "ar": "لماذا {cap}، ولماذا أُعيد جزء من أموال التوأمين بحسب ما ورد؟",
        "en": "Why {cap}, and why some of the twins' money was reportedly refunded",
    },
    "cap_jfc": {
        "ar": "تتيح لجنة جمع التبرعات المشتركة لعدة لجان أن تجمع المال معًا: توقّع اتفاقًا مكتوبًا يحدد كيف يُقسم كل تبرع بينها، ويُتحقق من كل تبرع وفق حدود التبرع.",
        "en": "A joint fundraising committee lets several committees raise money together: they sign a written agreement that sets how each gift is split among them, and each gift is checked against the contribution limits.",
    },
    "cap_members": {
        "ar": "ولجنة ترامب 47 واحدة منها: أعضاؤها حملة ترامب، ولجنة عمل سياسي قيادية تابعة لترامب (\u2066Save America\u2069، أي «أنقذوا أمريكا»)، واللجنة الوطنية الجمهورية (\u2066RNC\u2069)، وأحزاب جمهورية في الولايات، ويملأ التبرع حصصها بهذا الترتيب، بحسب وكالة أسوشيتد برس: الحملة أولًا، ثم \u2066Save America\u2069، ثم اللجنة الوطنية الجمهورية، ثم أحزاب الولايات.",
        "en": "Trump 47 is one: its members are Trump's campaign, his leadership PAC Save America, the Republican National Committee (RNC) and state Republican parties, and a gift fills them in that order, according to the AP: the campaign first, then Save America, then the RNC, then the state parties.",
    },
    "cap_per_donor": {
        "ar": "ليس للجنة المشتركة حد خاص بها: أقصى ما يجوز لفرد أن يقدمه لها هو مجموع حدود أعضائها. لهذا يسري السقف القانوني لتبرع الفرد على المتبرع عبر كل الأعضاء، لا على كل شيك.",
        "en": "The joint committee has no limit of its own: the most one person may give it is the sum of its members' limits. That is why the cap is per donor, across all the members, not per check.",
    },
    "cap_limits": {
        "ar": "وحدود لجنة الانتخابات الفيدرالية (\u2066FEC\u2069) لهذه الدورة الانتخابية: {candidate} لحملة مرشح في كل انتخابات (التمهيدية والعامة تُحسبان منفصلتين)، و{pac} في السنة للجنة عمل سياسي، و{rnc_main} في السنة للحساب الرئيسي لحزب وطني و{rnc_special} في السنة لكل حساب من {accounts}، و{state} في السنة للحساب الفيدرالي لحزب في ولاية.",
        "en": "The FEC's limits for this election cycle: {candidate} per election to a candidate's campaign (the primary and the general count separately), {pac} a year to a PAC, {rnc_main} a year to a national party's main account and {rnc_special} a year to each of its {accounts}, and {state} a year to a state party's federal account.",
    },
    "cap_sum": {
        "ar": "بحسابنا، يملأ التبرع {base} قبل حصة الولايات: {primary} و{general} للحملة، و{pac} للجنة \u2066Save America\u2069، و{rnc} للجنة الوطنية الجمهورية. وما يبقى من السقف البالغ {cap}، أي {share}، يساوي {count} × {state}، وهو ما يتفق مع {parties}: استنتاجنا، فالمقال لا يسمّي أيًا منها.",
        "en": "By our arithmetic, a gift fills {base} before the state parties: {primary} and {general} to the campaign, {pac} to Save America and {rnc} to the RNC. The rest of the {cap} cap, {share}, is {count} × {state}: consistent with {parties}, our inference, as the article names none.",
    },
    "cap_earlier": {
        "ar": "وفي {when} أظهرت استمارة متبرعين حصلت عليها صحيفة واشنطن بوست سقفًا قدره {cap_wapo}، يذهب ما يبقى منه إلى الأحزاب الجمهورية في {states_wapo}؛ وفي الشهر نفسه قال متحدث باسم الحملة لصحيفة ذا هيل إن السقف {cap_hill}.",
        "en": "In {when} a donor form obtained by The Washington Post showed a cap of {cap_wapo}, the rest going to the Republican parties of {states_wapo}; the same month a campaign spokesman told The Hill the cap was {cap_hill}.",
    },
    "cap_growth": {
        "ar": "من {cap_wapo} إلى {cap_hill} ثم {cap} في المقال، زاد السقف بمضاعفات {state}، وهو حد حزب واحد في ولاية: بالحساب نفسه يتفق ذلك مع {count_wapo} ثم {count_hill} ثم {parties} (استنتاجنا؛ العدد الأول يطابق ما أحصته واشنطن بوست).",
        "en": "From {cap_wapo} to {cap_hill} to the article's {cap}, the cap grew in multiples of {state}, one state party's limit: by the same arithmetic, {count_wapo}, then {count_hill}, then {parties} (our inference; the first matches the Post's count).",
    },
    "cap_twins": {
        "ar": "يقول المقال إن كلًا من كاميرون وتايلر وينكليفوس تبرع بما لا يقل عن {gift} بالبيتكوين للجنة ترامب 47، بحسب سجلات لجنة الانتخابات الفيدرالية، وإنه بحسب ما ورد أُعيد جزء من هذه الأموال لأن «كل شيك» تجاوز السقف القانوني البالغ {cap}، بعبارة الترجمة.",
        "en": "The article says Cameron and Tyler Winklevoss each gave at least {gift} in bitcoin to Trump 47, according to FEC filings, and that reportedly some of this money was refunded because “each check” exceeded the {cap} legal limit, in the translation's words.",
    },
    "cap_rules": {
        "ar": "وبحسب لجنة الانتخابات الفيدرالية، يجوز للجنة قبول التبرع بالبيتكوين؛ وبحسب ملخصات مكاتب محاماة لرأيها الاستشاري (لم نقرأ نصه الكامل)، يُعامل تبرعًا عينيًا يُقيَّم بسعره في السوق عند تسلّمه. واللجنة التي تتلقى من متبرع أكثر من حده تعالج ذلك، بحسب لجنة الانتخابات الفيدرالية، بإعادة المبلغ الزائد، أو بطلب تخصيصه لانتخابات أخرى أو نسبته إلى متبرع آخر، خلال {days}.",
        "en": "The FEC says a committee may accept bitcoin; according to law firms' summaries of its advisory opinion (whose full text we did not read), it is treated as an in-kind gift valued at its market price when received. A committee that receives more than a donor's limit remedies it, the FEC says, by refunding the excess, or by having it redesignated or reattributed, within {days}.",
    },
    "cap_refund": {
        "ar": "إذا افترضنا أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها، فإن الجزء الذي أُعيد بحسب ما ورد بلغ {over} على الأقل من كل تبرع ({gift} − {cap}): من حسابنا. المقال لا يذكر المبلغ المُعاد، ولا يقول إنه دُفع بالبيتكوين.",
        "en": "Assuming the committee kept no more than the cap and the twins had given nothing else to its member committees, the part reportedly refunded was at least {over} of each gift ({gift} − {cap}): our derivation. The article gives no refund amount and does not say the refund was paid in bitcoin.",
    },
    "allocation_title": {"ar": "أين ذهب تبرع كل من التوأمين، خطوة خطوة", "en": "Where each twin's gift went, step by step"},
    "allocation_subtitle": {
        "ar": "تبرع قدره {gift} على الأقل (من المقال) يملأ حصص أعضاء لجنة ترامب 47 حتى السقف البالغ {cap} (الخط المنقط)، بالترتيب الذي أوردته وكالة أسوشيتد برس في {when}. المقال لا يقول كيف قُسّم التبرعان: نفترض أن الترتيب والحصص لم تتغير حين تبرع التوأمان. المظلل بخطوط مائلة: استنتاجنا. المظلل بعلامات ×: ما تجاوز السقف، من حسابنا.",
        "en": "A gift of at least {gift} (from the article) fills Trump 47's members up to the {cap} cap (dotted line), in the order the AP reported in {when}. The article does not say how the gifts were split: we assume the order and the shares were unchanged when the twins gave. Hatched: our inference. Crossed: over the cap, our derivation.",
    },
    "allocation_gift": {"ar": "تبرع كل من التوأمين بالبيتكوين", "en": "Each twin's gift, in bitcoin"},
    "allocation_over_cap": {"ar": "ما تجاوز السقف", "en": "Over the cap"},
    "allocation_step_line": {"ar": "الخطوة {position}: {label}، بقيمة {amount}", "en": "Step {position}. {label}: {amount}"},
    "allocation_limit_one": {"ar": "بحسب لجنة الانتخابات الفيدرالية: {limit}", "en": "FEC: {limit}"},
    "allocation_bar_line": {"ar": "{label}، بقيمة {amount}", "en": "{label}: {amount}"},
    "allocation_limit_formula": {"ar": "حدود لجنة الانتخابات الفيدرالية: {formula}", "en": "FEC limits: {formula}"},
    "allocation_limit_inferred": {
        "ar": "{formula}: عدد أحزاب الولايات الذي نستنتجه × حد لجنة الانتخابات الفيدرالية لكل منها",
        "en": "{formula}: the number of state parties we infer × the FEC limit for each",
    },
    "allocation_over_formula": {"ar": "{formula}؛ أُعيد جزء منه بحسب ما ورد", "en": "{formula}; reportedly refunded in part"},
    "allocation_refund_assumption": {
        "ar": "بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها؛ المقال لا يذكر المبلغ المُعاد",
        "en": "assuming the committee kept no more than the cap and the twins gave nothing else to its member committees; the article gives no refund amount",
    },
    "allocation_article_source": {"ar": "تقرير \u2066CNBC\u2069، يوليو/تموز 2024، بترجمة عربية", "en": "CNBC report, July 2024, in Arabic translation"},
    "allocation_sources": {"ar": "سجل عام: {public}.", "en": "Public record: {public}."},
    "allocation_col_step": {"ar": "الخطوة", "en": "Step"},
    "allocation_col_limit": {"ar": "حد لجنة الانتخابات الفيدرالية أو طريقة الحساب", "en": "FEC limit or how derived"},
    "allocation_col_source": {"ar": "المصدر وتاريخه", "en": "Source and date"},
    "allocation_col_assumption": {"ar": "الافتراض", "en": "Assumption"},
    "allocation_card_title": {
        "ar": "ما تجاوز السقف البالغ {cap} من تبرع كل من التوأمين",
        "en": "How much of each twin's gift was over the {cap} cap",
    },
    "allocation_card_qualifier": {
        "ar": "من حسابنا: الفرق بين التبرع والسقف، بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها؛ والمقال يقول إن جزءًا منه أُعيد بحسب ما ورد.",
        "en": "our derivation: gift minus cap, assuming the committee kept no more than the cap and the twins gave its member committees nothing else; the article says some was reportedly refunded.",
    },
    # Chart layouts (issue 14): the flow chart's panels and the timeline's dates
    "flows_note": {
        "ar": "لكل لوحة مقياسها. الأشرطة الرمادية المنقّطة مبالغها غير معروفة ولا يعبّر طولها عن مبلغ؛ الحصيلة المتوقعة (تقدير) ليست أموالًا مُحصّلة. {super_pac}.",
        "en": "Each panel has its own scale. Grey dotted bars have unknown amounts and are not to scale; the projected haul is an estimate, not money raised. {super_pac}.",
    },
    "flows_panel_projected": {"ar": "الحصيلة المتوقعة (تقدير) ووجهاتها", "en": "The projected haul (an estimate) and where it goes"},
    "flows_panel_gifts": {"ar": "تبرعات واردة في المقال ومُزمَعة", "en": "Reported and planned gifts"},
    "flows_row": {"ar": "{source} إلى {target}", "en": "{source} to {target}"},
    "timeline_span": {"ar": "من {start} إلى {end}", "en": "{start} to {end}"},
    "timeline_days": {"ar": "{days}، بالتفصيل", "en": "{days}, day by day"},
    "timeline_cluster": {"ar": "أحداث هذه الأيام مفصّلة أدناه", "en": "The events of these days are detailed below"},
    "timeline_cluster_day": {"ar": "أحداث هذا اليوم مفصّلة أدناه", "en": "The events of this day are detailed below"},
}


def t(key: str, lang: str, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Arabic if the language is unknown), placeholders filled."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["ar"]
    return text.format(**values) if values else text


def pick(row: object, field: str, lang: str) -> str:
    """A bilingual field of a data row: ``pick(actor, "name", "en")`` reads ``name_en``."""
    return row[f"{field}_{locale(lang).code}"]  # type: ignore[index]
