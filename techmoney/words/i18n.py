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
    "page_donors": {"ar": "المانحون والمعسكرات", "en": "Donors & camps"},
    "page_timeline": {"ar": "الخط الزمني", "en": "Timeline"},
    "page_sources": {"ar": "المصادر والبيانات", "en": "Sources & data"},
    "lang_nav": {"ar": "اللغة", "en": "Language"},
    "lang_ar": {"ar": "العربية", "en": "\u2067العربية\u2069 (Arabic)"},
    "lang_en": {"ar": "\u2066English\u2069 (الإنجليزية)", "en": "English"},
    "camp_filter": {"ar": "المعسكرات المعروضة", "en": "Camps shown"},
    "camp_filter_none": {"ar": "اختر معسكرًا", "en": "Choose a camp"},
    "camp_filter_help": {
        "ar": "تتبع الرسوم والجداول في كل الصفحات هذا الاختيار. بعض التصنيفات اجتهاد منّا (بايدن، والتوأمان "
        "وينكليفوس، وفانس، ومجموعات \u2066501(c)(4)\u2069، والشخص الذي وصف المكالمات، والمصدر الذي قدّر الحصيلة المتوقعة): سبب كل منها في عمود «لماذا هذا "
        "المعسكر» في صفحة المانحين والمعسكرات.",
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
    "qualifier_derived": {"ar": "محسوب من عندنا، حد أدنى", "en": "derived by us, a minimum"},
    "bound_at_most": {"ar": "حد أقصى", "en": "at most"},
    "amount_unknown": {"ar": "المبلغ غير معروف", "en": "amount unknown"},
    # A figure with its bound, in words (techmoney.words.formatting.figure_text)
    "figure_at_least": {"ar": "{figure} على الأقل", "en": "at least {figure}"},
    "figure_more_than": {"ar": "أكثر من {figure}", "en": "more than {figure}"},
    "figure_at_most": {"ar": "{figure} كحد أقصى", "en": "at most {figure}"},
    # Dates in words (techmoney.words.formatting.date_words)
    "date_unknown": {"ar": "بلا تاريخ", "en": "no date"},
    "date_early": {"ar": "أوائل {when}", "en": "early {when}"},
    "date_mid": {"ar": "منتصف {when}", "en": "mid-{when}"},
    "date_late": {"ar": "أواخر {when}", "en": "late {when}"},
    "date_about": {"ar": "نحو {when}", "en": "about {when}"},
    # Key figures
    "kf_goal": {
        "ar": "الحصيلة المتوقعة (تقدير) لجهود حلفاء هاريس وحدها",
        "en": "Projected haul of the Harris allies' efforts alone (an estimate)",
    },
    "kf_hastings": {"ar": "تبرع ريد هاستينغز، بحسب ذا إنفورميشن", "en": "Reed Hastings's gift, according to The Information"},
    "kf_limit": {
        "ar": "السقف القانوني لتبرع الفرد (لجان ترامب 47 مجتمعة)",
        "en": "Legal cap per donor (all Trump 47 committees together)",
    },
    "kf_refund": {
        "ar": "المبلغ المُعاد لكل توأم بحسب ما ورد (بحسابنا، بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها)",
        "en": "Reportedly refunded, per twin (our derivation, assuming the committee kept no more than the cap and the twins gave its member committees nothing else)",
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
        "ar": "الحصيلة المتوقعة تقدير مصدر واحد لم يُسمَّ لما قد تجمعه جهود الحلفاء وحدها (أكثر من المبلغ المرسوم)، "
        "لا أموال مُحصّلة. التبرع مُعلن بحسب ذا إنفورميشن. حصته من التقدير {share} كحد أقصى (بحسابنا).",
        "en": "The projected haul is one unnamed source's estimate of what the allies' efforts alone may raise (more "
        "than the bar shows); it is not money raised. The gift is as reported by The Information. Its share of the "
        "estimate: at most {share} (our computation).",
    },
    "goal_bar_goal": {"ar": "الحصيلة المتوقعة (تقدير)", "en": "Allies' projected haul (estimate)"},
    "goal_bar_gift": {"ar": "تبرع هاستينغز", "en": "Hastings's gift"},
    "twins_title": {
        "ar": "التوأمان وينكليفوس: التبرع والسقف والمبلغ المُعاد",
        "en": "The Winklevoss twins: gift, cap and refund",
    },
    "twins_subtitle": {
        "ar": "تبرع كل منهما بما لا يقل عن {gift} وفقًا لإيداعات لجنة الانتخابات الفيدرالية، وبحسب ما ورد أُعيد جزء "
        "منه. المبلغ المُعاد هنا حسابنا: التبرع ناقص السقف ({formula})، وهو حد أدنى "
        "بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها.",
        "en": "Each gave at least {gift}, according to FEC filings; part was reportedly refunded. The refund shown is "
        "our derivation: gift minus cap ({formula}), a minimum, assuming the committee kept no more than the cap and the twins gave its member committees nothing else.",
    },
    "measure_gift": {"ar": "التبرع", "en": "Gift"},
    "measure_limit": {"ar": "السقف القانوني لتبرع الفرد", "en": "Legal cap per donor"},
    "measure_refund": {"ar": "المبلغ المُعاد بحسب ما ورد (محسوب)", "en": "Refund, reportedly (derived)"},
    "before_refunds": {"ar": "قبل المبالغ المُعادة", "en": "before refunds"},
    "flows_title": {"ar": "إلى أين تذهب الأموال", "en": "Where the money goes"},
    "flows_subtitle": {
        "ar": "الروابط الرمادية مبالغها غير معروفة وعرضها ليس بمقياس؛ الحصيلة المتوقعة تقدير مصدر واحد، لا أموال مُحصّلة.",
        "en": "Grey links have unknown amounts and are not drawn to scale; the projected haul is one source's "
        "estimate, not money raised.",
    },
    "camps_title": {"ar": "التبرعات المُعلنة حسب المعسكر (مقارنة من عندنا)", "en": "Reported gifts by camp (our comparison)"},
    "camps_subtitle": {
        "ar": "جمعنا لكل معسكر التبرعات التي يذكرها المقال، قبل أي مبلغ مُعاد: ليست ما احتفظت به اللجان. المقال لا "
        "يجري هذه المقارنة، ولا يذكر مبالغ لأندريسن أو هورويتز أو ماسك. ووضعنا التوأمين وينكليفوس مع مؤيدي ترامب "
        "استنتاجًا من تبرعهما (اجتهاد منّا).",
        "en": "Our sums of the gifts the article reports for each camp, before any refund: not what the committees "
        "kept. The article makes no such comparison and gives no amounts for Andreessen, Horowitz or Musk. We count "
        "the Winklevoss twins as pro-Trump, inferred from their gift (our call).",
    },
    "timeline_title": {"ar": "الخط الزمني للقصة", "en": "Timeline of the story"},
    "timeline_subtitle": {
        "ar": "الدوائر المفرغة تواريخ استنتجناها من عبارات نسبية في المقال (أما تاريخ انسحاب بايدن فمأخوذ من "
        "السجل العام)؛ «نحو» و«أواخر» و«أوائل» تعني أنها تقريبية.",
        "en": "Open circles are dates we worked out from relative phrases in the article (the date of Biden's withdrawal "
        "comes from the public record); “about”, “late” and “early” mark them as approximate.",
    },
    "axis_usd": {"ar": "دولار أمريكي", "en": "US dollars"},
    "axis_date": {"ar": "التاريخ", "en": "Date"},
    "approximate": {"ar": "تاريخ استنتجناه", "en": "worked out"},
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
    "col_excerpt": {"ar": "الجملة المصدر", "en": "Source sentence (Arabic)"},
    "col_twin": {"ar": "التوأم", "en": "Twin"},
    "col_measure": {"ar": "المقياس", "en": "Measure"},
    "col_gifts": {"ar": "عدد التبرعات", "en": "Gifts"},
    "status_projected": {"ar": "متوقع", "en": "projected"},
    "status_estimate": {"ar": "تقدير مصدر واحد", "en": "one source's estimate"},
    "status_reported": {"ar": "مُعلن", "en": "reported"},
    "status_refunded_in_part": {"ar": "أُعيد جزء منه بحسب ما ورد", "en": "reportedly refunded in part"},
    "status_planned": {"ar": "مُزمَع", "en": "planned"},
    "status_legal": {"ar": "سقف قانوني", "en": "legal cap"},
    "status_derived": {"ar": "محسوب", "en": "derived"},
    # Story page
    "story_intro": {
        "ar": "قصة واحدة، وكل رقم فيها مربوط بجملته في المقال. اختر المعسكرات من الشريط الجانبي، وشارك الرابط كما تراه.",
        "en": "One story, every figure tied to its sentence in the article. Pick camps in the sidebar and share the link as you see it.",
    },
    "key_figures": {"ar": "أرقام رئيسية", "en": "Key figures"},
    "section_push_title": {"ar": "حملة ضغط من وراء الكواليس", "en": "A push behind the scenes"},
    "section_push_body": {
        "ar": "منذ انسحاب بايدن، يحاول المستثمران المخضرمان ريد هوفمان ورون كونواي وحلفاء آخرون لهاريس إقناع "
        "المانحين الأثرياء في قطاع التكنولوجيا بدعمها، بحسب أشخاص مطلعين على الأمر. ويقدّر مصدر واحد مطّلع على حملة الضغط، لم يُسمَّ، أن جهود الحلفاء وحدها في طريقها إلى جمع "
        "أكثر من {goal} من كبار المانحين في صناعة التكنولوجيا: حصيلة متوقعة (تقدير)، لا أموال مُحصّلة. نص المقال: «{quote}».",
        "en": "Since Biden withdrew, veteran investors Reid Hoffman and Ron Conway, along with other Harris allies, have "
        "been urging wealthy tech donors to back her, according to people familiar with the matter. One unnamed source familiar with the push estimates that the allies' efforts alone are on track "
        "to raise more than {goal} from big tech donors: a projection, not money raised. In the Arabic: \u2067«{quote}»\u2069.",
    },
    "section_hastings_body": {
        "ar": "وبحسب ذا إنفورميشن، أقنع هوفمان ريد هاستينغز، رئيس مجلس إدارة نيتفليكس، بدعم هاريس بتبرع قدره {gift} "
        "للجنة عمل سياسي كبرى (سوبر باك) مؤيدة لهاريس، أي {share} كحد أقصى من الحصيلة المتوقعة (بحسابنا). "
        "وبعد يومين من قوله إن على المندوبين الديمقراطيين اختيار مرشح قادر على الفوز في الولايات المتأرجحة، كتب: "
        "«{quote}».",
        "en": "According to The Information, Hoffman persuaded Netflix chairman Reed Hastings to back Harris with a "
        "{gift} gift to a pro-Harris super PAC, at most {share} of the projected haul (our computation). Two days "
        "after saying Democratic delegates needed to pick a swing-state winner, he wrote (in the Arabic): "
        "\u2067«{quote}»\u2069.",
    },
    "section_flows_title": {"ar": "أين تذهب الأموال", "en": "Where the money goes"},
    "section_flows_body": {
        "ar": "تُوجَّه الأموال، بحسب المقال، إلى حملة هاريس ولجان العمل السياسي الداعمة لها ومجموعات «المال المظلم» "
        "(\u2066501(c)(4)\u2069)، وهي مجموعات لا تكشف علنًا عن مانحيها. نص المقال: «{quote}». ولا يذكر المقال كيف "
        "تتوزع المبالغ.",
        "en": "According to the article, the money goes to the Harris campaign, the PACs backing her and 501(c)(4) "
        "“dark money” groups, which do not publicly disclose their donors (in the Arabic: \u2067«{quote}»\u2069). "
        "The article does not say how it splits.",
    },
    "section_twins_title": {"ar": "بيتكوين التوأمين لترامب", "en": "The twins' bitcoin for Trump"},
    "section_twins_body": {
        "ar": "تبرع كل من كاميرون وتايلر وينكليفوس بما لا يقل عن {gift} بالبيتكوين إلى لجنة ترامب 47، وفقًا لإيداعات "
        "لجنة الانتخابات الفيدرالية. وبحسب ما ورد، أُعيد جزء من هذه الأموال لأن كل تبرع تجاوز {limit}، وهو السقف "
        "القانوني لتبرع الفرد للجان ترامب 47 مجتمعة (تقول الترجمة «كل شيك»). وإن لم تحتفظ اللجنة بأكثر من السقف، "
        "ولم يتبرع التوأمان بشيء آخر للجان الأعضاء فيها، فالمبلغ المُعاد بحسب ما ورد لكل منهما {refund} على الأقل، بحسابنا. نص المقال: «{quote}».",
        "en": "Cameron and Tyler Winklevoss each gave at least {gift} in bitcoin to the Trump 47 committee, according "
        "to FEC filings. Some of the money was reportedly refunded because each gift exceeded {limit}, the legal cap "
        "per donor across the Trump 47 committees (the translation says “each check”). If the committee kept no more "
        "than the cap and the twins gave its member committees nothing else, what was reportedly refunded to each twin was at least {refund}, by our derivation. In the "
        "Arabic: \u2067«{quote}»\u2069.",
    },
    "section_skeptics_title": {"ar": "المتشككون وسجل هاريس", "en": "The skeptics and Harris's record"},
    "section_skeptics_body": {
        "ar": "النتائج حتى الآن متباينة، بحسب المقال. ويشكك مستشار واحد لمديرين تنفيذيين في العملات المشفرة، لم يُسمَّ، "
        "في نجاح المسعى: «{quote}»، مشيرًا إلى سجلها منذ انتخابها مدعية عامة لكاليفورنيا. أما بقية ذلك السجل، من "
        "تصريحها عن تفكيك فيسبوك إلى قولها إن الإدارة لا تنوي حظر تيك توك قبل أن يوقّع بايدن مشروع قانون قد يحظره، "
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
        "ar": "لم يحسم تأييده حينها، ورأى أن من يختار هم {name}",
        "en": "undecided at the time; said the pick was up to {name}",
    },
    "stance_plans_to_give": {"ar": "يعتزم التبرع إلى {name} (المبلغ غير معروف)", "en": "plans to give to {name} (amount unknown)"},
    "stance_doubts": {"ar": "يشكك في نجاح {name}", "en": "doubts {name} will succeed"},
    # Timeline page
    "timeline_intro": {
        "ar": "من انتخاب هاريس مدعية عامة إلى المهلة النهائية لبيع تيك توك بحلول أوائل 2025.",
        "en": "From Harris's election as attorney general to the deadline for selling TikTok, by early 2025.",
    },
    # Money page
    "money_intro": {
        "ar": "كل رقم هنا من المقال أو محسوب منه؛ التقدير والمحسوب موسومان بوضوح.",
        "en": "Every figure here is from the article or computed from it; estimates and our derivations are marked.",
    },
    "limits_title": {"ar": "السقوف القانونية", "en": "Legal caps"},
    "limits_note": {
        "ar": "السقف الوحيد الذي يذكره المقال هو السقف القانوني لتبرع الفرد للجان ترامب 47 مجتمعة. تقول الترجمة «كل "
        "شيك»، لكن السقف يسري على مجموع ما يعطيه المتبرع الواحد، لا على كل شيك. أما حدود لجنة الانتخابات الفيدرالية "
        "التي يتكوّن منها فسجل عام، ليس من المقال، وكل منها موسوم بمصدره.",
        "en": "The only cap the article names is the legal cap per donor across the committees that share the Trump 47 "
        "fund. The translation says “each check”, but the cap applies to all a donor gives, not to each check. The FEC "
        "limits it is built from are public record, not in the article, each labelled with its source.",
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
    "download_table": {"ar": "تنزيل \u2066{name}.csv\u2069", "en": "Download {name}.csv"},
    "download_filtered": {"ar": "تنزيل الأسماء حسب المعسكرات المختارة (\u2066CSV\u2069)",
                          "en": "Download names in the selected camps (CSV)"},
    "download_bundle": {"ar": "تنزيل البيانات كاملة (ملف \u2066ZIP\u2069، الإصدار {version})",
                        "en": "Download the whole dataset (ZIP, version {version})"},
    "cite_heading": {"ar": "كيف تستشهد", "en": "How to cite"},
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
    "card_source": {"ar": "المصدر: \u2066CNBC\u2069، يوليو/تموز 2024 — ترجمة عربية", "en": "Source: CNBC, July 2024 — Arabic translation"},
    # The $844,600 cap: public record beside the article (techmoney/content/cap_explainer.py, charts.allocation_chart).
    # Latin tokens in Arabic are isolated (LRI ... PDI); every figure is a placeholder filled from data/.
    "cap_tag_article": {"ar": "من المقال", "en": "from the article"},
    "cap_tag_public_record": {"ar": "سجل عام، ليس من المقال", "en": "public record, not in the article"},
    "cap_tag_inference": {
        "ar": "استنتاج منا — سجل عام، ليس من المقال",
        "en": "our inference — public record, not in the article",
    },
    "cap_tag_derivation": {"ar": "حساب منا من أرقام المقال", "en": "our derivation from the article's figures"},
    "cap_label": {"ar": "{tag} — المصدر: {sources}", "en": "{tag} — source: {sources}"},
    "cap_undated": {"ar": "بلا تاريخ", "en": "undated"},
    "cap_in_english": {"ar": "{title} (بالإنجليزية)", "en": "{title}"},
    "cap_link": {"ar": "لماذا السقف {cap}، وأين ذهب تبرع كل من التوأمين؟",
                 "en": "Why the cap is {cap}, and where each twin's gift went"},
    "cap_at_least": {"ar": "{amount} على الأقل", "en": "at least {amount}"},
    "cap_explainer_title": {
        "ar": "لماذا {cap}، ولماذا أُعيد جزء من أموال التوأمين بحسب ما ورد",
        "en": "Why {cap}, and why some of the twins' money was reportedly refunded",
    },
    "cap_jfc": {
        "ar": "تتيح لجنة جمع التبرعات المشتركة لعدة لجان أن تجمع المال معًا: توقّع اتفاقًا مكتوبًا يحدد كيف يُقسم كل تبرع بينها، ويُتحقق من كل تبرع وفق حدود التبرع.",
        "en": "A joint fundraising committee lets several committees raise money together: they sign a written agreement that sets how each gift is split among them, and each gift is checked against the contribution limits.",
    },
    "cap_members": {
        "ar": "ولجنة ترامب 47 واحدة منها: أعضاؤها حملة ترامب، ولجنة عمل سياسي قيادية تابعة لترامب (\u2066Save America\u2069)، واللجنة الوطنية الجمهورية (\u2066RNC\u2069)، وأحزاب جمهورية في الولايات، ويملأ التبرع حصصهم بهذا الترتيب: الحملة أولًا، ثم \u2066Save America\u2069، ثم اللجنة الوطنية الجمهورية، ثم أحزاب الولايات.",
        "en": "Trump 47 is one: its members are Trump's campaign, his leadership PAC Save America, the Republican National Committee (RNC) and state Republican parties, and a gift fills them in that order: the campaign first, then Save America, then the RNC, then the state parties.",
    },
    "cap_per_donor": {
        "ar": "ليس للجنة المشتركة حد خاص بها: أقصى ما يجوز لفرد أن يقدمه لها هو مجموع حدود أعضائها. لهذا يسري السقف القانوني لتبرع الفرد على المتبرع عبر كل الأعضاء، لا على كل شيك.",
        "en": "The joint committee has no limit of its own: the most one person may give it is the sum of its members' limits. That is why the cap is per donor, across all the members, not per check.",
    },
    "cap_limits": {
        "ar": "وحدود لجنة الانتخابات الفيدرالية (\u2066FEC\u2069) لهذه الدورة الانتخابية: {candidate} لحملة مرشح في كل انتخابات (التمهيدية والعامة تُحسبان منفصلتين)، و{pac} في السنة للجنة عمل سياسي، و{rnc_main} في السنة للحساب الرئيسي لحزب وطني و{rnc_special} في السنة لكل حساب من حساباته الخاصة وعددها {accounts}، و{state} في السنة للحساب الفدرالي لحزب في ولاية.",
        "en": "The FEC's limits for this election cycle: {candidate} per election to a candidate's campaign (the primary and the general count separately), {pac} a year to a PAC, {rnc_main} a year to a national party's main account and {rnc_special} a year to each of its {accounts} special accounts, and {state} a year to a state party's federal account.",
    },
    "cap_sum": {
        "ar": "بحسابنا، يملأ التبرع {base} قبل حصة الولايات: {primary} و{general} للحملة، و{pac} للجنة \u2066Save America\u2069، و{rnc} للجنة الوطنية الجمهورية. وما يبقى من السقف البالغ {cap}، أي {share}، يساوي {count} × {state}، وهو ما يتفق مع {parties}: استنتاج منا، فالمقال لا يسمّي أيًا منها.",
        "en": "By our arithmetic, a gift fills {base} before the state parties: {primary} and {general} to the campaign, {pac} to Save America and {rnc} to the RNC. The rest of the {cap} cap, {share}, is {count} × {state}: consistent with {parties}, our inference, as the article names none.",
    },
    "cap_earlier": {
        "ar": "وفي {when} أظهرت استمارة مانحين حصلت عليها صحيفة واشنطن بوست سقفًا قدره {cap_wapo}، يذهب ما يبقى منه إلى الأحزاب الجمهورية في {states_wapo}؛ وفي الشهر نفسه قال متحدث باسم الحملة لصحيفة ذا هيل إن السقف {cap_hill}.",
        "en": "In {when} a donor form obtained by The Washington Post showed a cap of {cap_wapo}, the rest going to the Republican parties of {states_wapo}; the same month a campaign spokesman told The Hill the cap was {cap_hill}.",
    },
    "cap_growth": {
        "ar": "من {cap_wapo} إلى {cap_hill} ثم {cap} في المقال، زاد السقف بمضاعفات {state}، وهو حد حزب واحد في ولاية: بالحساب نفسه يتفق ذلك مع {count_wapo} ثم {count_hill} ثم {parties} (استنتاج منا؛ العدد الأول يطابق ما أحصته واشنطن بوست).",
        "en": "From {cap_wapo} to {cap_hill} to the article's {cap}, the cap grew in multiples of {state}, one state party's limit: by the same arithmetic, {count_wapo}, then {count_hill}, then {parties} (our inference; the first matches the Post's count).",
    },
    "cap_twins": {
        "ar": "يقول المقال إن كلًا من كاميرون وتايلر وينكليفوس تبرع بما لا يقل عن {gift} بالبيتكوين للجنة ترامب 47، وفقًا لإيداعات لجنة الانتخابات الفيدرالية، وإنه بحسب ما ورد أُعيد جزء من هذه الأموال لأن كل تبرع تجاوز السقف القانوني لتبرع الفرد البالغ {cap}.",
        "en": "The article says Cameron and Tyler Winklevoss each gave at least {gift} in bitcoin to Trump 47, according to FEC filings, and that reportedly some of this money was refunded because each gift exceeded the {cap} legal limit.",
    },
    "cap_rules": {
        "ar": "وبحسب لجنة الانتخابات الفيدرالية، يجوز للجنة قبول التبرع بالبيتكوين، ويُعامل تبرعًا عينيًا يُقيَّم بسعره في السوق عند استلامه؛ واللجنة التي تتلقى من متبرع أكثر من حده تعالج ذلك بإعادة المبلغ الزائد، أو بطلب تخصيصه لانتخابات أخرى أو نسبته إلى متبرع آخر، خلال {days}.",
        "en": "Under FEC rules a committee may accept bitcoin, treated as an in-kind gift valued at its market price when received; and a committee that receives more than a donor's limit remedies it by refunding the excess, or by having it redesignated or reattributed, within {days}.",
    },
    "cap_refund": {
        "ar": "إذا افترضنا أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها، فإن الجزء الذي أُعيد بحسب ما ورد بلغ {over} على الأقل من كل تبرع ({gift} − {cap}): حساب منا. المقال لا يذكر المبلغ المُعاد، ولا يقول إنه دُفع بالبيتكوين.",
        "en": "Assuming the committee kept no more than the cap and the twins had given nothing else to its member committees, the part reportedly refunded was at least {over} of each gift ({gift} − {cap}): our derivation. The article gives no refund amount and does not say the refund was paid in bitcoin.",
    },
    "allocation_title": {"ar": "أين ذهب تبرع كل من التوأمين، خطوة خطوة", "en": "Where each twin's gift went, step by step"},
    "allocation_subtitle": {
        "ar": "تبرع قدره {gift} على الأقل (من المقال) يملأ حصص أعضاء لجنة ترامب 47 بالترتيب المُعلن حتى السقف البالغ {cap} (الخط المنقط). المظلل بخطوط مائلة: استنتاج منا. المظلل بعلامات ×: ما تجاوز السقف، حساب منا.",
        "en": "A gift of at least {gift} (from the article) fills Trump 47's members in the reported order up to the {cap} cap (dotted line). Hatched: our inference. Crossed: over the cap, our derivation.",
    },
    "allocation_gift": {"ar": "تبرع كل من التوأمين بالبيتكوين", "en": "Each twin's gift, in bitcoin"},
    "allocation_over_cap": {"ar": "ما تجاوز السقف", "en": "Over the cap"},
    "allocation_step_line": {"ar": "الخطوة {position}: {label}، بقيمة {amount}", "en": "Step {position}. {label}: {amount}"},
    "allocation_limit_one": {"ar": "بحسب \u2066FEC\u2069: {limit}", "en": "FEC: {limit}"},
    "allocation_bar_line": {"ar": "{label}، بقيمة {amount}", "en": "{label}: {amount}"},
    "allocation_limit_formula": {"ar": "حدود \u2066FEC\u2069: {formula}", "en": "FEC limits: {formula}"},
    "allocation_limit_inferred": {
        "ar": "{formula}: عدد أحزاب الولايات الذي نستنتجه × حد \u2066FEC\u2069 لكل منها",
        "en": "{formula}: the number of state parties we infer × the FEC limit for each",
    },
    "allocation_over_formula": {"ar": "{formula}؛ أُعيد جزء منه بحسب ما ورد", "en": "{formula}; reportedly refunded in part"},
    "allocation_refund_assumption": {
        "ar": "بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها؛ المقال لا يذكر المبلغ المُعاد",
        "en": "assuming the committee kept no more than the cap and the twins gave nothing else to its member committees; the article gives no refund amount",
    },
    "allocation_article_source": {"ar": "المقال (\u2066CNBC\u2069، يوليو/تموز 2024، بترجمة عربية)", "en": "the article (CNBC, July 2024, in Arabic translation)"},
    "allocation_sources": {"ar": "سجل عام: {public}.", "en": "Public record: {public}."},
    "allocation_col_step": {"ar": "الخطوة", "en": "Step"},
    "allocation_col_limit": {"ar": "حد \u2066FEC\u2069 أو طريقة الحساب", "en": "FEC limit or how derived"},
    "allocation_col_source": {"ar": "المصدر وتاريخه", "en": "Source and date"},
    "allocation_col_assumption": {"ar": "الافتراض", "en": "Assumption"},
    "allocation_card_title": {
        "ar": "ما تجاوز السقف البالغ {cap} من تبرع كل من التوأمين",
        "en": "How much of each twin's gift was over the {cap} cap",
    },
    "allocation_card_qualifier": {
        "ar": "حساب منا: التبرع ناقص السقف، بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها؛ المقال يقول إن جزءًا أُعيد بحسب ما ورد",
        "en": "our derivation: gift minus cap, assuming the committee kept no more than the cap and the twins gave its member committees nothing else; the article says some was reportedly refunded",
    },
    # Chart layouts (issue 14): the flow chart's panels and the timeline's dates
    "flows_note": {
        "ar": "لكل لوحة مقياسها. الأشرطة الرمادية المنقّطة مبالغها غير معروفة وطولها ليس بمقياس؛ الحصيلة المتوقعة (تقدير) ليست أموالًا مُحصّلة.",
        "en": "Each panel has its own scale. Grey dotted bars have unknown amounts and are not to scale; the projected haul is an estimate, not money raised.",
    },
    "flows_panel_projected": {"ar": "الحصيلة المتوقعة (تقدير) ووجهاتها", "en": "The projected haul (an estimate) and where it goes"},
    "flows_panel_gifts": {"ar": "تبرعات مُعلنة ومُزمَعة", "en": "Reported and planned gifts"},
    "flows_row": {"ar": "{source} إلى {target}", "en": "{source} to {target}"},
    "timeline_span": {"ar": "من {start} إلى {end}", "en": "{start} to {end}"},
    "timeline_days": {"ar": "{days}، يومًا بيوم", "en": "{days}, day by day"},
    "timeline_cluster": {"ar": "أحداث هذه الأيام مفصّلة أدناه", "en": "The events of these days are detailed below"},
}


def t(key: str, lang: str, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Arabic if the language is unknown), placeholders filled."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["ar"]
    return text.format(**values) if values else text


def pick(row: object, field: str, lang: str) -> str:
    """A bilingual field of a data row: ``pick(actor, "name", "en")`` reads ``name_en``."""
    return row[f"{field}_{locale(lang).code}"]  # type: ignore[index]
