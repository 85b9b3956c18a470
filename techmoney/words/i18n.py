"""Every user-facing string of the app, in Arabic and English, in one table.

Pages never hold a string literal a reader sees; they ask ``t(key, lang)``. Figures inside
sentences are placeholders filled from data/, never typed here. tests/words/test_i18n.py checks that
every key has both languages and the same placeholders in each.
"""

from __future__ import annotations

from techmoney.words.locale import LANGS as LANGS  # the languages, for callers of t
from techmoney.words.locale import locale

# Latin tokens inside Arabic strings sit between U+2066 (LRI) and U+2069 (PDI), written as escapes
# so they can be seen; a value of unknown direction from a link, between U+2068 (FSI) and U+2069.
# Arabic quoted inside English strings sits between U+2067 (RLI) and U+2069.
TEXT: dict[str, dict[str, str]] = {
    "app_title": {"ar": "أموال التكنولوجيا 2024", "en": "Tech Money 2024"},
    "app_tagline": {
        "ar": "من يموّل من في سباق 2024: حلفاء هاريس في وادي السيليكون ومستثمرو التكنولوجيا الداعمون لترامب",
        "en": "Who funds whom in 2024: Harris's Silicon Valley allies and the tech investors backing Trump",
    },
    "headline_story": {
        "ar": "حلفاء هاريس في قطاع التكنولوجيا في طريقهم إلى جمع أكثر من {goal}، بتقدير مصدر واحد",
        "en": "Harris's tech allies on track to raise more than {goal}, one source estimates",
    },
    "headline_money": {
        "ar": "تبرع التوأمين وينكليفوس بالبيتكوين تجاوز سقف لجنة ترامب 47، فأُعيد جزء منه بحسب ما ورد",
        "en": "The Winklevoss twins' bitcoin gifts topped Trump 47's legal cap; part was reportedly refunded",
    },
    "headline_donors": {
        "ar": "من يدعم من: حلفاء هاريس في قطاع التكنولوجيا، وداعمو ترامب، ومتشكك واحد",
        "en": "Who backs whom: Harris's tech allies, Trump's tech backers and one skeptic",
    },
    "headline_timeline": {
        "ar": "سجل هاريس مع قطاع التكنولوجيا، وأسبوع {when} الذي بدأ فيه حلفاؤها الاتصال بالمتبرعين",
        "en": "Harris's tech record, and the {when} week her allies began calling donors",
    },
    "headline_sources": {
        "ar": "مصدر واحد: تقرير \u2066CNBC\u2069 بترجمته العربية، وإلى جانبه سجلات عامة موسومة",
        "en": "One source, a CNBC report in Arabic translation, with labelled public records beside it",
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
        "ar": "تتبع الرسوم والجداول في كل الصفحات هذا الاختيار. بعض التصنيفات اجتهاد منّا: بايدن، والتوأمان وينكليفوس، وفانس، ومجموعات \u2066501(c)(4)\u2069، والشخص الذي وصف المكالمات، والمصدر الذي قدّر الحصيلة المتوقعة. ويذكر عمود «لماذا هذا المعسكر» في صفحة المتبرعين والمعسكرات سبب كل منها.",
        "en": "Charts and tables on every page follow this choice. Some placements are our judgement calls: Biden, the Winklevoss twins, Vance, the 501(c)(4) groups, the person who described the calls and the source of the estimate. The “Why this camp” column on the Donors & camps page gives each reason.",
    },
    "notice_dropped": {
        "ar": "تجاهلنا قيمة غير معروفة في الرابط («\u2066{key}\u2069»: «\u2068{value}\u2069») وعرضنا الوضع الافتراضي.",
        "en": "We ignored an unknown value in the link (“{key}”: “{value}”) and used the default.",
    },
    "notice_repeated": {
        "ar": "تكرر المفتاح \u2066{key}\u2069 في الرابط؛ استخدمنا آخر قيمة صالحة.",
        "en": "The link repeats {key}; we used the last valid value.",
    },
    "notice_unknown_key": {
        "ar": "تجاهلنا مفتاحًا غير معروف في الرابط: «\u2068{key}\u2069».",
        "en": "We ignored an unknown key in the link: “{key}”.",
    },
    "notice_outside_camps": {
        "ar": "الاسم الذي يذكره الرابط («\u2068{value}\u2069») خارج المعسكرات المعروضة، فلم نعرض سجلاته. أضف معسكره إلى «المعسكرات المعروضة» لتراه.",
        "en": "The name in the link (“{value}”) is outside the camps shown, so its records are left out. Add its camp under “Camps shown” to see them.",
    },
    "notice_too_long": {
        "ar": "تجاهلنا قيمة طويلة جدًا في الرابط (\u2066{key}\u2069).",
        "en": "We ignored an overlong value in the link ({key}).",
    },
    "chart_empty": {
        "ar": "{title}: لا بيانات لهذا الرسم في اختيارك الحالي للمعسكرات.",
        "en": "{title}: this chart has nothing for your current choice of camps.",
    },
    # The camps are picked with the buttons at the top of every page (shell.camp_pills), and in the sidebar on a
    # wide screen: these say where a reader on any screen sees them.
    "empty_filter_pick_above": {
        "ar": "لا شيء هنا ضمن اختيارك الحالي للمعسكرات. غيّر المعسكرات أو أضف إليها من «المعسكرات المعروضة» أعلى الصفحة.",
        "en": "Nothing here falls within your current choice of camps. Change or add camps with “Camps shown” at the top of the page.",
    },
    "empty_no_camp_pick_above": {
        "ar": "لم تختر أي معسكر. اختر معسكرًا واحدًا على الأقل من «المعسكرات المعروضة» أعلى الصفحة.",
        "en": "No camp is selected. Pick at least one camp with “Camps shown” at the top of the page.",
    },
    "story_intro_pick_above": {
        "ar": "قصة واحدة، وكل رقم من المقال فيها مربوط بجملته، وما جاء من السجل العام أو من حسابنا موسوم بذلك. اختر المعسكرات من «المعسكرات المعروضة» أعلى الصفحة، وشارك الرابط كما تراه.",
        "en": "One story: every figure from the article is tied to its sentence, and what comes from the public record or our own arithmetic is labelled so. Pick camps with “Camps shown” at the top of the page and share the link as you see it.",
    },
    "data_failed_title": {"ar": "فشل التحقق من البيانات", "en": "The dataset failed validation"},
    "data_failed_body": {
        "ar": "لا يمكن عرض الأرقام قبل إصلاح الملفات التالية (الملف:الصف:العمود):",
        "en": "No figures can be shown until these are fixed (file:row:column):",
    },
    # Qualifiers and bounds
    "qualifier_exact": {"ar": "بحسب ما ورد", "en": "as reported"},
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
    "date_unknown": {"ar": "دون تاريخ", "en": "no date"},
    "date_early": {"ar": "أوائل {when}", "en": "early {when}"},
    "date_mid": {"ar": "منتصف {when}", "en": "mid-{when}"},
    "date_late": {"ar": "أواخر {when}", "en": "late {when}"},
    "date_about": {"ar": "{when} تقريبًا", "en": "about {when}"},
    # Key figures
    "kf_goal": {
        "ar": "الحصيلة المتوقعة لجهود حلفاء هاريس وحدها",
        "en": "Projected haul of the Harris allies' efforts alone",
    },
    "kf_hastings": {
        "ar": "تبرع ريد هاستينغز للجنة العمل السياسي المؤيدة لهاريس",
        "en": "Reed Hastings's gift to a pro-Harris PAC",
    },
    "kf_limit": {
        "ar": "السقف القانوني لتبرع الفرد للجنة ترامب 47 (لمجموع لجانها الأعضاء)",
        "en": "Legal cap per donor for the Trump 47 committee (all its member committees together)",
    },
    "kf_refund": {"ar": "المبلغ المُعاد لكلٍّ من التوأمين", "en": "Refunded to each twin"},
    # Charts
    "source_line": {
        "ar": "المصدر: تقرير \u2066CNBC\u2069، يوليو/تموز 2024 (ترجمة عربية)؛ بيانات «أموال التكنولوجيا 2024»، "
        "الإصدار {version}",
        "en": "Source: CNBC report, July 2024 (Arabic translation); Tech Money 2024 dataset v{version}",
    },
    "chart_table": {"ar": "البيانات كجدول (بديل نصي)", "en": "Data as a table (text alternative)"},
    "goal_title": {
        "ar": "تبرع هاستينغز {gift}، والحصيلة المتوقعة أكثر من {goal} (تقدير)",
        "en": "Hastings's {gift} beside a projected haul of more than {goal} (estimate)",
    },
    "goal_subtitle": {
        "ar": "الحصيلة المتوقعة تقدير مصدر واحد لم يُكشف اسمه، لا أموال مُحصّلة، وشريطها مرسوم عند حده الأدنى. والتبرع بحسب ما أورده موقع ذا إنفورميشن. وحصته من التقدير {share} على الأكثر، من حسابنا: {working}.",
        "en": "The projected haul is one unnamed source's estimate, not money raised; its bar is drawn at its minimum. The gift is as reported by The Information. Its share of the estimate is at most {share}, our computation: {working}.",
    },
    "goal_bar_goal": {"ar": "الحصيلة المتوقعة (تقدير)", "en": "Allies' projected haul (estimate)"},
    "goal_bar_gift": {"ar": "تبرع هاستينغز", "en": "Hastings's gift"},
    "twins_title": {
        "ar": "تبرع كل من التوأمين بما لا يقل عن {gift}، فوق سقف {cap}",
        "en": "Each Winklevoss twin gave at least {gift}, over the {cap} cap",
    },
    "twins_subtitle": {
        "ar": "تبرع كل منهما بالبيتكوين بحسب سجلات لجنة الانتخابات الفيدرالية، وأُعيد جزء منه بحسب ما ورد. والمبلغ المُعاد من حسابنا: الفرق بين التبرع والسقف، بافتراض أن اللجنة لم تحتفظ بأكثر من السقف ولم تتلقَّ من التوأمين شيئًا آخر.",
        "en": "Each gave in bitcoin, according to FEC filings; part was reportedly refunded. The refund is our derivation, the gift less the cap, assuming the committee kept no more than the cap and got nothing else from the twins.",
    },
    "measure_gift": {"ar": "التبرع", "en": "Gift"},
    "measure_limit": {"ar": "السقف القانوني لتبرع الفرد", "en": "Legal cap per donor"},
    "measure_refund": {"ar": "المبلغ المُعاد بحسب ما ورد (من حسابنا)", "en": "Refund, reportedly (derived)"},
    "share_working": {
        "ar": "{gift} من أصل {goal}، بافتراض أن التبرع يُحتسب ضمن هذا التقدير، وهو ما لا يقوله المقال",
        "en": "{gift} out of {goal}, assuming the gift counts toward that estimate, which the article does not say",
    },
    "flows_title": {
        "ar": "إلى أين تذهب الأموال: معظم المسارات بلا مبلغ في المقال",
        "en": "Where the money goes: most paths have no amount in the article",
    },
    "camps_title": {
        "ar": "ثلاثة تبرعات فقط في القصة تأتي بمبالغ",
        "en": "Only three gifts in the story come with amounts",
    },
    "camps_subtitle": {
        "ar": "كل شريط تبرع واحد، لا مجموع معسكر: المقال لا يقارن بين المعسكرات، ولا يذكر مبالغ لأندريسن أو هورويتز أو ماسك. والشريط لمبلغ «على الأقل» مرسوم عند حده الأدنى.",
        "en": "Each bar is one gift, not a camp's total: the article compares no camps, and gives no amounts for Andreessen, Horowitz or Musk. A bar for an “at least” amount is drawn at its minimum.",
    },
    "timeline_title": {
        "ar": "سجل هاريس مع التكنولوجيا منذ {start}، ثم أسبوع حافل في {when}",
        "en": "Harris's tech record since {start}, then a busy week in {when}",
    },
    "timeline_subtitle": {
        "ar": "الدوائر الممتلئة تواريخ يذكرها المقال أو السجل العام، والمفرغة تواريخ استنتجناها من عبارات المقال. ويقول الجدول كيف.",
        "en": "Filled circles are dates the article or the public record gives; open circles are dates we worked out from the article's words. The table says how.",
    },
    "approximate": {"ar": "تاريخ استنتجناه", "en": "worked out"},
    "col_date_kind": {"ar": "نوع التاريخ", "en": "Kind of date"},
    "exact_date": {"ar": "تاريخ مذكور", "en": "date given"},
    "undated": {"ar": "أحداث دون تاريخ محدد", "en": "Undated events"},
    # Table headers
    "col_label": {"ar": "البند", "en": "Item"},
    "col_amount": {"ar": "المبلغ", "en": "Amount"},
    "col_amount_usd": {"ar": "المبلغ بالدولار (رقم للفرز)", "en": "Amount in USD (a number, for sorting)"},
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
    "col_record": {"ar": "السجل العام (ليس من المقال)", "en": "Public record (not in the article)"},
    "record_link": {"ar": "سجلات لجنة الانتخابات الفيدرالية", "en": "FEC records"},
    "record_help": {
        "ar": "يذكر المقال أن الرقم بحسب سجلات لجنة الانتخابات الفيدرالية، ولا يسمّي سجلًا بعينه. الرابط بحث في سجلات "
        "التبرعات الفردية بهذا الاسم في دورة 2024 الانتخابية. لم نطابق ما يعرضه مع المقال.",
        "en": "The article says the figure is from FEC filings but names no filing. The link searches the FEC's "
        "individual contributions for this name in the 2023–2024 cycle. We have not checked what it shows against "
        "the article.",
    },
    "actors_grid": {"ar": "الأسماء والأدوار: ابحث فيها ورتّبها", "en": "Names and roles: search and sort"},
    "actors_table_text": {"ar": "الأسماء نفسها في جدول نصي", "en": "The same names as a text table"},
    "col_excerpt": {
        "ar": "النص في المقال (الترجمة كما نُشرت، بأخطائها)",
        "en": "Source sentence (the Arabic translation as published, slips included)",
    },
    "col_twin": {"ar": "التوأم", "en": "Twin"},
    "col_measure": {"ar": "البند", "en": "Measure"},
    "status_projected": {"ar": "متوقع", "en": "projected"},
    "status_estimate": {"ar": "تقدير مصدر واحد", "en": "one source's estimate"},
    "status_reported": {"ar": "بحسب ما ورد", "en": "reported"},
    "status_refunded_in_part": {"ar": "أُعيد جزء منه بحسب ما ورد", "en": "reportedly refunded in part"},
    "status_planned": {"ar": "مُزمَع", "en": "planned"},
    "status_legal": {"ar": "سقف قانوني", "en": "legal cap"},
    "status_derived": {"ar": "من حسابنا", "en": "derived"},
    # Story page
    "key_figures": {"ar": "أرقام رئيسية", "en": "Key figures"},
    "section_push_title": {"ar": "مسعى من وراء الكواليس", "en": "A push behind the scenes"},
    "section_push_body": {
        "ar": "منذ انسحاب بايدن، يحاول المستثمران المخضرمان ريد هوفمان ورون كونواي وحلفاء آخرون لهاريس إقناع المتبرعين الأثرياء في قطاع التكنولوجيا بدعمها، بحسب أشخاص مطلعين على الأمر. ويقدّر مصدر واحد مطّلع على المسعى، لم يُكشف اسمه، أن جهود الحلفاء وحدها في طريقها إلى جمع أكثر من {goal} من كبار المتبرعين، وهي حصيلة متوقعة لا أموال مُحصّلة.",
        "en": "Since Biden withdrew, veteran investors Reid Hoffman and Ron Conway and other Harris allies have been urging wealthy tech donors to back her, according to people familiar with the matter. One unnamed source familiar with the push estimates that the allies' efforts alone are on track to raise more than {goal} from big tech donors: a projection, not money raised.",
    },
    "section_hastings_body": {
        "ar": "وأقنع هوفمان رئيس مجلس إدارة نتفليكس ريد هاستينغز بالتبرع بمبلغ {gift} للجنة عمل سياسي مؤيدة لهاريس، بحسب موقع ذا إنفورميشن. وكان هاستينغز قد دعا المندوبين الديمقراطيين إلى اختيار مرشح قادر على الفوز في الولايات المتأرجحة، ثم كتب بعد يومين: «{quote}».",
        "en": "Hoffman persuaded Netflix chairman Reed Hastings to give {gift} to a pro-Harris PAC, according to The Information. Hastings had said Democratic delegates needed to pick a swing-state winner; two days later he wrote, in the Arabic: \u2067«{quote}»\u2069.",
    },
    "section_flows_title": {"ar": "أين تذهب الأموال", "en": "Where the money goes"},
    "section_flows_body": {
        "ar": "تُوجَّه الأموال، بحسب المقال، إلى حملة هاريس ولجان العمل السياسي الداعمة لها ومجموعات «المال المظلم» من نوع \u2066501(c)(4)\u2069، وهي مجموعات لا تكشف علنًا عن متبرعيها. ولا يذكر المقال كيف تتوزع المبالغ.",
        "en": "According to the article, the money goes to the Harris campaign, the PACs backing her and 501(c)(4) “dark money” groups, which do not publicly disclose their donors. The article does not say how it splits.",
    },
    "section_twins_title": {"ar": "بيتكوين التوأمين وينكليفوس لترامب", "en": "The twins' bitcoin for Trump"},
    "section_twins_body": {
        "ar": "تبرع كل من كاميرون وتايلر وينكليفوس بما لا يقل عن {gift} بالبيتكوين إلى لجنة ترامب 47، بحسب سجلات لجنة الانتخابات الفيدرالية. وبحسب ما ورد، أُعيد جزء من المال لأن كل تبرع تجاوز {limit}، وهو السقف القانوني الذي يذكره المقال. وبحسب قواعد لجنة الانتخابات الفيدرالية، وهي سجل عام لا يذكره المقال، فهو السقف القانوني لتبرع الفرد: يسري على مجموع ما يعطيه المتبرع للجنة ولجانها الأعضاء. فإن لم تحتفظ اللجنة بأكثر من السقف ولم يعطها التوأمان شيئًا آخر، فالمبلغ المُعاد بحسب ما ورد لكل منهما {refund} على الأقل، من حسابنا.",
        "en": "Cameron and Tyler Winklevoss each gave at least {gift} in bitcoin to the Trump 47 committee, according to FEC filings. Some of the money was reportedly refunded because each gift exceeded {limit}, the legal limit the article cites. Under the FEC's rules, public record not in the article, it is a legal cap per donor: it covers all one donor gives the committee and its members. If the committee kept no more than the cap and the twins gave it nothing else, each was reportedly refunded at least {refund}, by our derivation.",
    },
    "section_skeptics_title": {"ar": "المتشككون وسجل هاريس", "en": "The skeptics and Harris's record"},
    "section_skeptics_body": {
        "ar": "النتائج حتى الآن متباينة، بحسب المقال. ويشكك مستشار واحد لمديرين تنفيذيين في قطاع العملات المشفرة، لم يُكشف اسمه، في نجاح العرض: «{quote}». ويشير إلى سجلها منذ انتخابها مدعية عامة لكاليفورنيا. ويروي المقال بقية السجل: دعوتها عام {facebook} إلى النظر بجدية في تفكيك فيسبوك، واستضافتها أربعة رؤساء تنفيذيين في البيت الأبيض عام {ai}، وقولها إن الإدارة لا تنوي حظر تيك توك. وبعد شهر وقّع بايدن قانونًا قد يحظره.",
        "en": "So far, the article says, results are mixed. One unnamed adviser to crypto executives doubts the pitch will work, in the Arabic: \u2067«{quote}»\u2069. He points to her record since her election as California attorney general. The article tells the rest. In {facebook} she called for a serious look at breaking up Facebook; in {ai} she hosted four tech CEOs at the White House. She said the administration did not intend to ban TikTok; a month later Biden signed a bill that could.",
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
    "actor_none_records": {
        "ar": "لا مبالغ ولا أقوال مسجلة لهذا الاسم.",
        "en": "No amounts or quotes recorded for this name.",
    },
    "actors_table": {"ar": "الأسماء والأدوار", "en": "Names and roles"},
    "quote_translation": {"ar": "ترجمتنا: «{text}»", "en": "our translation: “{text}”"},
    # A stance toward {name}, said in words (no arrow between subject and object).
    "stance_endorsed": {"ar": "أيّد {name}", "en": "endorsed {name}"},
    "stance_said_will_back": {"ar": "قال إنه سيدعم {name}", "en": "said he would back {name}"},
    "stance_vocal_supporter": {"ar": "من أشد مؤيدي {name}", "en": "a vocal supporter of {name}"},
    "stance_donated": {
        "ar": "تبرّع للجنة تجمع الأموال لصالح {name}",
        "en": "gave to a committee raising money for {name}",
    },
    "stance_undecided": {
        "ar": "{name} بحاجة، كما قال، إلى اختيار مرشح يفوز بالولايات المتأرجحة؛ قالها قبل أن يؤيد هاريس بيومين",
        "en": "said {name} needed to pick a swing-state winner, two days before he backed Harris",
    },
    "stance_plans_to_give": {
        "ar": "يعتزم التبرع، بمبلغ غير معروف، إلى {name}",
        "en": "plans to give an unknown amount to {name}",
    },
    "stance_doubts": {
        "ar": "يشكك في نجاح العرض المقدَّم إلى المتشككين ({name})",
        "en": "doubts the pitch to skeptics will work ({name})",
    },
    # Timeline page
    "timeline_intro": {
        "ar": "من تولي هاريس منصب المدعية العامة لولاية كاليفورنيا إلى المهلة النهائية لبيع تيك توك بحلول أوائل 2025.",
        "en": "From Harris taking office as California attorney general to the deadline for selling TikTok, by early 2025.",
    },
    # Money page
    "money_intro": {
        "ar": "أرقام من المقال، وأرقام حسبناها منه، وأرقام من السجل العام (لجنة الانتخابات الفيدرالية وتقارير صحفية) تشرح السقف؛ كل رقم موسوم بمصدره، والتقدير والمحسوب موسومان بوضوح.",
        "en": "Figures from the article, our computations from them, and public-record figures (the FEC, press reports) that explain the cap, each labelled with where it comes from; estimates and our derivations are marked.",
    },
    "limits_title": {"ar": "السقف القانوني وحدود التبرع", "en": "The legal cap and contribution limits"},
    "limits_note": {
        "ar": "السقف الوحيد الذي يذكره المقال هو سقف لجنة ترامب 47. تقول الترجمة «كل شيك»، لكنه بحسب قواعد لجنة الانتخابات الفيدرالية السقف القانوني لتبرع الفرد: يسري على مجموع ما يعطيه المتبرع للجنة ولجانها الأعضاء. أما حدود لجنة الانتخابات الفيدرالية التي يتكوّن منها فسجل عام، ليس من المقال، ولكل منها مصدره ورابطه.",
        "en": "The only cap the article names is Trump 47's. The translation says “each check”, but under the FEC's rules it is a legal cap per donor: it applies to all a donor gives the committee and its member committees. The FEC limits it is built from are public record, not in the article, each with its source and link.",
    },
    # Sources page
    "sources_intro": {
        "ar": "المقال كما نُشر بترجمته العربية، والجمل المستشهد بها مظللة ومربوطة بسجلاتها. ننقل الترجمة بأخطائها، مثل «قال هاريس» و«كونواي حاولت»، ويسجّل قاموس البيانات كل خطأ منها.",
        "en": "The article as published in Arabic translation, with every cited sentence highlighted and linked to its records. We quote the translation with its slips, such as a masculine verb for Harris; the data dictionary lists each one.",
    },
    "article_heading": {"ar": "المقال المصدر", "en": "The source article (Arabic)"},
    "not_story": {"ar": "ليس من نص القصة", "en": "Not part of the story"},
    "cited_by": {"ar": "مستشهد به في: {records}", "en": "Cited by: {records}"},
    "records_heading": {
        "ar": "السجلات المستشهد بها ومعرّفاتها (للاستشهاد)",
        "en": "Cited records and their ids (for citing)",
    },
    "docs_heading": {
        "ar": "السجلات المستشهد بها، وقاموس البيانات والمنهج",
        "en": "Cited records, data dictionary and method",
    },
    "corrections_docs": {"ar": "التصحيحات وسجل التغييرات", "en": "Corrections and changelog"},
    "dictionary_heading": {"ar": "قاموس البيانات وملاحظات المنهج (بالإنجليزية)", "en": "Data dictionary and method"},
    "downloads_heading": {"ar": "التنزيلات", "en": "Downloads"},
    "download_tables": {
        "ar": "تنزيلات أخرى: كل جدول (\u2066CSV\u2069)، والأسماء المختارة، وبطاقة مشاركة (\u2066PNG\u2069)",
        "en": "More downloads: each table (CSV), the names you selected, a share card (PNG)",
    },
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
    "table_public_records": {"ar": "جدول روابط السجلات العامة", "en": "the public-record links table"},
    "download_filtered": {
        "ar": "تنزيل الأسماء حسب المعسكرات المختارة (\u2066CSV\u2069)",
        "en": "Download names in the selected camps (CSV)",
    },
    "download_bundle": {
        "ar": "تنزيل البيانات كاملة (ملف \u2066ZIP\u2069، الإصدار {version})",
        "en": "Download the whole dataset (ZIP, version {version})",
    },
    "cite_heading": {"ar": "طريقة الاستشهاد", "en": "How to cite"},
    # The citation: the dataset's release, CNBC's report (its headline, outlet and month from context_facts.csv,
    # cnbc_report) and the translation, whose publisher the data does not know; the view's link follows on its own line.
    "cite_text": {
        "ar": "«أموال التكنولوجيا 2024»، الإصدار {version} الصادر في {date}، استنادًا إلى تقرير {report} ({publisher}، "
        "{when}) بترجمة عربية لا نعرف ناشرها.",
        "en": "Tech Money 2024, dataset version {version} of {date}, built from the report {report} ({publisher}, "
        "{when}) in an Arabic translation whose publisher we do not know.",
    },
    "embed_heading": {"ar": "تضمين رسم", "en": "Embed a chart"},
    "embed_help": {
        "ar": "انسخ هذا الرمز لتضمين الرسم في صفحة أخرى:",
        "en": "Copy this code to embed the chart in another page:",
    },
    "embed_oembed": {
        "ar": "أو الصق رابط الصفحة أو الرسم في نظام إدارة محتوى يدعم \u2066oEmbed\u2069، فيُضمِّن الرسم بنفسه.",
        "en": "Or paste the link to a page or chart into a CMS that reads oEmbed: it embeds the chart by itself.",
    },
    "embed_credit": {
        "ar": "«{site}»: الرسم كاملًا وبياناته ومصادره",
        "en": "{site}: the full chart, its data and sources",
    },
    "new_tab": {"ar": "(يُفتح في علامة تبويب جديدة)", "en": "(opens in a new tab)"},
    # The embed's credit, its second line (it must fit one line of a 360 px phone: techmoney/content/embeds.py).
    "embed_release": {"ar": "الإصدار {version}، {date}، بترخيص", "en": "Data version {version}, {date}, under"},
    "corrections_heading": {"ar": "تصحيحات البيانات وأسبابها", "en": "Corrections to the data, and why"},
    "changelog_heading": {"ar": "سجل التغييرات والتصحيحات (بالإنجليزية)", "en": "Changelog and corrections"},
    "share_card": {"ar": "تنزيل بطاقة مشاركة (\u2066PNG\u2069)", "en": "Download a share card (PNG)"},
    "share_link": {"ar": "رابط هذا العرض", "en": "Link to this view"},
    # Under every chart (techmoney/content/html/view_tools.py): its data, its image, its embed and this view's link.
    "tools_label": {"ar": "أدوات الرسم: {title}", "en": "Chart tools: {title}"},
    "tool_data": {"ar": "تنزيل البيانات (\u2066CSV\u2069)", "en": "Get the data (CSV)"},
    "tool_image": {"ar": "تنزيل الصورة:", "en": "Download image:"},
    # What each image link is for (its text is its format or its size in pixels: techmoney/content/html/view_tools.py).
    "image_svg_help": {"ar": "صورة متجهة للطباعة، بخطوطها", "en": "A vector image for print, with its fonts"},
    "image_png_help": {
        "ar": "بضعف حجمه في الصفحة، بعرض {width} بكسل",
        "en": "Twice its size on the page, {width} pixels wide",
    },
    "image_1200x630_help": {
        "ar": "للمنشورات ومعاينات الروابط، {width} في {height} بكسل",
        "en": "For social posts and link previews, {width} by {height} pixels",
    },
    "image_1080x1080_help": {
        "ar": "مربعة للمنشورات، {width} في {height} بكسل",
        "en": "Square, for social posts, {width} by {height} pixels",
    },
    "tool_embed": {"ar": "تضمين", "en": "Embed"},
    "tool_link": {"ar": "رابط", "en": "Link"},
    "embed_this": {"ar": "تضمين هذا الرسم", "en": "Embed this chart"},
    "embed_this_help": {
        "ar": "انسخ هذا الرمز إلى صفحتك: يعرض الرسم بلغة هذا العرض ومعسكراته.",
        "en": "Copy this code into your page: it shows the chart in this view's language and camps.",
    },
    "link_help": {
        "ar": "يفتح الرابط هذه الصفحة باللغة والمعسكرات المعروضة الآن.",
        "en": "The link opens this page in the language and camps shown now.",
    },
    "copy": {"ar": "نسخ", "en": "Copy"},
    "copied": {"ar": "نُسخ", "en": "Copied"},
    "close": {"ar": "إغلاق", "en": "Close"},
    # At the top of every page: the view's link and its share card.
    "share_label": {"ar": "شارك هذا العرض:", "en": "Share this view:"},
    # At the foot of every page: the release, the method, the corrections, the contact, the licence, the citation.
    "footer_cite": {"ar": "للاستشهاد:", "en": "Cite as:"},
    "copy_citation": {"ar": "نسخ الاستشهاد", "en": "Copy the citation"},
    "footer_release": {
        "ar": "البيانات: الإصدار {version}، الصادر في {date}",
        "en": "Data: version {version} of {date}",
    },
    "footer_method": {"ar": "المنهج وقاموس البيانات", "en": "Method and data dictionary"},
    "footer_corrections": {"ar": "سجل التصحيحات", "en": "Corrections log"},
    "corrections_log": {"ar": "سجل التصحيحات", "en": "corrections log"},
    "footer_contact": {"ar": "للتواصل والإبلاغ عن خطأ: {contact}", "en": "Contact, or report an error: {contact}"},
    "footer_no_contact": {
        "ar": "لا تنشر هذه النسخة عنوانًا للتواصل بعد، والتصحيحات كلها في {log}.",
        "en": "This edition publishes no contact address yet; every correction is in the {log}.",
    },
    "footer_licence": {
        "ar": "الترخيص: {data} للبيانات والرسوم والبطاقات، و{code} للشيفرة.",
        "en": "Licence: {data} for the data, charts and cards; {code} for the code.",
    },
    "method_heading": {"ar": "المنهج", "en": "Method"},
    "corrections_section": {"ar": "التصحيحات", "en": "Corrections"},
    "card_no_camp": {"ar": "لم يُختر أي معسكر", "en": "No camp selected"},
    "card_camp_ours": {"ar": "{camp} (تصنيفنا)", "en": "{camp} (our call)"},
    "card_source": {
        "ar": "المصدر: \u2066CNBC\u2069، يوليو/تموز 2024 — ترجمة عربية",
        "en": "Source: CNBC, July 2024 — Arabic translation",
    },
    # The $844,600 cap: public record beside the article (techmoney/content/cap_explainer.py, charts.allocation_chart).
    # Latin tokens in Arabic are isolated (LRI ... PDI); every figure is a placeholder filled from data/.
    "cap_tag_article": {"ar": "من المقال", "en": "from the article"},
    "cap_tag_public_record": {"ar": "سجل عام، ليس من المقال", "en": "public record, not in the article"},
    "cap_tag_inference": {"ar": "استنتاجنا من أرقام السجل العام", "en": "our inference from public-record figures"},
    "cap_tag_derivation": {"ar": "من حسابنا بأرقام المقال", "en": "our derivation from the article's figures"},
    "cap_tag_secondary": {
        "ar": "ملخص مكتب محاماة لقواعد لجنة الانتخابات الفيدرالية، ليس من المقال",
        "en": "a law firm's summary of the FEC rules, not in the article",
    },
    "cap_tag_article_per_donor": {
        "ar": "الرقم من المقال، وسريانه على كل متبرع عبر لجانها الأعضاء مجتمعة من قواعد لجنة الانتخابات الفيدرالية (سجل عام)",
        "en": "the figure is from the article; that it is per donor across its member committees is the FEC's rule (public record)",
    },
    "cap_undated": {"ar": "دون تاريخ", "en": "undated"},
    "cap_link": {
        "ar": "لماذا السقف {cap}، وكيف يتوزع تبرع كل من التوأمين (إعادة بناء أجريناها)؟",
        "en": "Why the cap is {cap}, and how each twin's gift would split (our reconstruction)",
    },
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
        "ar": "ولجنة ترامب 47 واحدة منها. أعضاؤها حملة ترامب، ولجنة «أنقذوا أمريكا» (\u2066Save America\u2069)، وهي لجنة عمل سياسي قيادية تابعة لترامب، واللجنة الوطنية الجمهورية (\u2066RNC\u2069)، وأحزاب جمهورية في الولايات. وبحسب وكالة أسوشيتد برس، يملأ التبرع حصصها بهذا الترتيب: الحملة أولًا، ثم \u2066Save America\u2069، ثم اللجنة الوطنية الجمهورية، ثم أحزاب الولايات.",
        "en": "Trump 47 is one. Its members are Trump's campaign, his leadership PAC Save America, the Republican National Committee (RNC) and state Republican parties. According to the AP, a gift fills them in that order: the campaign first, then Save America, then the RNC, then the state parties.",
    },
    "cap_per_donor": {
        "ar": "ليس للجنة المشتركة حد خاص بها: أقصى ما يجوز لفرد أن يقدمه لها هو مجموع حدود أعضائها. لهذا يسري السقف القانوني لتبرع الفرد على المتبرع عبر كل الأعضاء، لا على كل شيك.",
        "en": "The joint committee has no limit of its own: the most one person may give it is the sum of its members' limits. That is why the cap is per donor, across all the members, not per check.",
    },
    "cap_limits": {
        "ar": "وحدود لجنة الانتخابات الفيدرالية (\u2066FEC\u2069) لهذه الدورة: {candidate} لحملة مرشح في كل انتخابات، والتمهيدية والعامة تُحسبان منفصلتين، و{pac} في السنة للجنة عمل سياسي. ويتلقى الحزب الوطني {rnc_main} في السنة في حسابه الرئيسي و{rnc_special} في السنة في كل من {accounts}، ويتلقى الحساب الفيدرالي لحزب في ولاية {state} في السنة.",
        "en": "The FEC's limits for this cycle are {candidate} per election to a candidate's campaign, the primary and the general counting separately, and {pac} a year to a PAC. A national party takes {rnc_main} a year in its main account and {rnc_special} a year in each of its {accounts}; a state party's federal account takes {state} a year.",
    },
    "cap_sum": {
        "ar": "بحسابنا، يملأ التبرع {base} قبل حصة الولايات: {primary} و{general} للحملة، و{pac} للجنة \u2066Save America\u2069، و{rnc} للجنة الوطنية الجمهورية. ويبقى من السقف البالغ {cap} مبلغ {share}، أي {count} حصة قدر كل منها {state}. وهذا يتفق مع {parties}، وهو استنتاجنا، فالمقال لا يسمّي أيًا منها.",
        "en": "By our arithmetic, a gift fills {base} before the state parties: {primary} and {general} to the campaign, {pac} to Save America and {rnc} to the RNC. That leaves {share} of the {cap} cap: {count} shares of {state}. This is consistent with {parties}, our inference, as the article names none.",
    },
    "cap_earlier": {
        "ar": "وفي {when} أظهرت استمارة متبرعين حصلت عليها صحيفة واشنطن بوست سقفًا قدره {cap_wapo}، يذهب ما يبقى منه إلى الأحزاب الجمهورية في {states_wapo}. وفي الشهر نفسه قال متحدث باسم الحملة لصحيفة ذا هيل إن السقف {cap_hill}، بحسب نسخة من مقالها أعاد نشرها موقع \u2066Yahoo News\u2069.",
        "en": "In {when} a donor form obtained by The Washington Post showed a cap of {cap_wapo}, the rest going to the Republican parties of {states_wapo}. The same month a campaign spokesman told The Hill the cap was {cap_hill}, as quoted in a copy of its story on Yahoo News.",
    },
    "cap_growth": {
        "ar": "من {cap_wapo} إلى {cap_hill} ثم {cap} في المقال، زاد السقف بمضاعفات {state}، وهو حد حزب واحد في ولاية. وبالحساب نفسه يتفق ذلك مع {count_wapo} ثم {count_hill} ثم {parties}: استنتاجنا، والعدد الأول يطابق ما أحصته واشنطن بوست.",
        "en": "From {cap_wapo} to {cap_hill} to the article's {cap}, the cap grew in multiples of {state}, one state party's limit. By the same arithmetic that is {count_wapo}, then {count_hill}, then {parties}: our inference, whose first count matches the Post's.",
    },
    "cap_twins": {
        "ar": "يقول المقال إن كلًا من كاميرون وتايلر وينكليفوس تبرع بما لا يقل عن {gift} بالبيتكوين للجنة ترامب 47، بحسب سجلات لجنة الانتخابات الفيدرالية. وبحسب ما ورد أُعيد جزء من هذه الأموال لأن «كل شيك» تجاوز السقف القانوني البالغ {cap}، بعبارة الترجمة.",
        "en": "The article says Cameron and Tyler Winklevoss each gave at least {gift} in bitcoin to Trump 47, according to FEC filings. Reportedly some of this money was refunded because “each check” exceeded the {cap} legal limit, in the translation's words.",
    },
    "cap_rules": {
        "ar": "وبحسب لجنة الانتخابات الفيدرالية، يجوز للجنة قبول التبرع بالبيتكوين. وبحسب ملخصات مكاتب محاماة لرأيها الاستشاري، ولم نقرأ نصه الكامل، يُعامل تبرعًا عينيًا يُقيَّم بسعره في السوق عند تسلّمه. واللجنة التي تتلقى من متبرع أكثر من حده تعالج ذلك، بحسب لجنة الانتخابات الفيدرالية، بإعادة المبلغ الزائد، أو بطلب تخصيصه لانتخابات أخرى أو نسبته إلى متبرع آخر، خلال {days}.",
        "en": "The FEC says a committee may accept bitcoin. According to law firms' summaries of its advisory opinion, whose full text we did not read, it is treated as an in-kind gift valued at its market price when received. A committee that receives more than a donor's limit remedies it, the FEC says, by refunding the excess, or by having it redesignated or reattributed, within {days}.",
    },
    "cap_refund": {
        "ar": "لنفترض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها. عندئذ يكون الجزء الذي أُعيد بحسب ما ورد {over} على الأقل من كل تبرع، وهو الفرق بين {gift} و{cap}: من حسابنا. المقال لا يذكر المبلغ المُعاد، ولا يقول إنه دُفع بالبيتكوين.",
        "en": "Assume the committee kept no more than the cap and the twins gave its member committees nothing else. Then the part reportedly refunded was at least {over} of each gift, the difference between {gift} and {cap}: our derivation. The article gives no refund amount and does not say the refund was paid in bitcoin.",
    },
    "allocation_title": {
        "ar": "الحملة أولًا وأحزاب الولايات أخيرًا: تبرع كل من التوأمين كما أعدنا بناءه",
        "en": "Campaign first, state parties last: each twin's gift, as we reconstruct it",
    },
    "allocation_subtitle": {
        "ar": "تبرع قدره {gift} على الأقل، من المقال، يملأ حصص أعضاء لجنة ترامب 47 حتى السقف البالغ {cap}، وهو الخط المنقط. والترتيب هو الذي أوردته وكالة أسوشيتد برس في {when}، والمقال لا يقول كيف قُسّم التبرعان: نفترض أن الترتيب بقي كما هو. المظلل بخطوط مائلة استنتاجنا، والمظلل بعلامات متقاطعة ما تجاوز السقف، من حسابنا.",
        "en": "A gift of at least {gift}, from the article, fills Trump 47's members up to the {cap} cap, the dotted line. The order is the one the AP reported in {when}; the article does not say how the gifts were split, and we assume that order held. Hatched: our inference. Crossed: over the cap, our derivation.",
    },
    "allocation_gift": {"ar": "تبرع كل من التوأمين بالبيتكوين", "en": "Each twin's gift, in bitcoin"},
    "allocation_over_cap": {"ar": "ما تجاوز السقف", "en": "Over the cap"},
    "allocation_step_line": {
        "ar": "الخطوة {position}: {label}، بقيمة {amount}",
        "en": "Step {position}. {label}: {amount}",
    },
    "allocation_limit_one": {"ar": "بحسب لجنة الانتخابات الفيدرالية: {limit}", "en": "FEC: {limit}"},
    "allocation_bar_line": {"ar": "{label}، بقيمة {amount}", "en": "{label}: {amount}"},
    "allocation_limit_formula": {"ar": "حدود لجنة الانتخابات الفيدرالية: {formula}", "en": "FEC limits: {formula}"},
    "allocation_limit_inferred": {
        "ar": "{formula}: عدد أحزاب الولايات الذي نستنتجه × حد لجنة الانتخابات الفيدرالية لكل منها",
        "en": "{formula}: the number of state parties we infer × the FEC limit for each",
    },
    "allocation_over_formula": {
        "ar": "{formula}؛ أُعيد جزء منه بحسب ما ورد",
        "en": "{formula}; reportedly refunded in part",
    },
    "allocation_refund_assumption": {
        "ar": "بافتراض أن اللجنة لم تحتفظ بأكثر من السقف وأن التوأمين لم يتبرعا بشيء آخر للجان الأعضاء فيها؛ المقال لا يذكر المبلغ المُعاد",
        "en": "assuming the committee kept no more than the cap and the twins gave nothing else to its member committees; the article gives no refund amount",
    },
    "allocation_article_source": {
        "ar": "تقرير \u2066CNBC\u2069، يوليو/تموز 2024، بترجمة عربية",
        "en": "CNBC report, July 2024, in Arabic translation",
    },
    "allocation_sources": {"ar": "سجل عام: {public}.", "en": "Public record: {public}."},
    "allocation_col_step": {"ar": "الخطوة", "en": "Step"},
    "allocation_col_limit": {"ar": "حد لجنة الانتخابات الفيدرالية أو طريقة الحساب", "en": "FEC limit or how derived"},
    "allocation_col_source": {"ar": "المصدر وتاريخه", "en": "Source and date"},
    "allocation_col_assumption": {"ar": "الافتراض", "en": "Assumption"},
    # Chart layouts (issue 14): the flow chart's panels and the timeline's dates
    "flows_note": {
        "ar": "لكل لوحة مقياسها. الأشرطة الرمادية المنقّطة بلا مبلغ في المقال، ولا يعبّر طولها عن مبلغ. والمسعى يدعو المتبرعين إلى التبرع ولا يحتفظ بالمال.",
        "en": "Each panel has its own scale. Grey dotted bars have no amount in the article and are not to scale. The push asks donors to give; it does not hold the money.",
    },
    "flows_panel_projected": {
        "ar": "الحصيلة المتوقعة (تقدير) ووجهاتها",
        "en": "The projected haul (an estimate) and where it goes",
    },
    "flows_panel_gifts": {"ar": "تبرعات واردة في المقال ومُزمَعة", "en": "Reported and planned gifts"},
    "flows_row": {"ar": "{source} إلى {target}", "en": "{source} to {target}"},
    "timeline_span": {"ar": "من {start} إلى {end}", "en": "{start} to {end}"},
    "timeline_days": {"ar": "{days}، بالتفصيل", "en": "{days}, day by day"},
    "timeline_cluster": {"ar": "أحداث هذه الأيام مفصّلة أدناه", "en": "The events of these days are detailed below"},
    "timeline_cluster_day": {"ar": "أحداث هذا اليوم مفصّلة أدناه", "en": "The events of this day are detailed below"},
    "col_attribution": {"ar": "مصدر الخبر", "en": "Reported by"},
    "date_public_record": {"ar": "من السجل العام", "en": "public record"},
    "col_covers": {"ar": "ما يشمله الحد", "en": "What it covers"},
    "col_source": {"ar": "المصدر من خارج المقال", "en": "Source outside the article"},
    "col_source_url": {"ar": "رابط المصدر", "en": "Source link"},
    "limit_covers": {
        "ar": "مجموع ما يعطيه المتبرع للجنة ترامب 47 ولجانها الأعضاء",
        "en": "All one donor gives Trump 47 and its member committees",
    },
    "outside_sources": {"ar": "من خارج المقال:", "en": "Outside the article:"},
    "source_prefix": {"ar": "المصدر:", "en": "Source:"},
    "super_pac_inference": {
        "ar": "وهذه اللجنة بقراءتنا لجنة عمل سياسي كبرى («سوبر باك»): لا يجوز للجنة عادية أن تتلقى من فرد أكثر من {limit} في السنة، بحسب لجنة الانتخابات الفيدرالية، والتبرع {gift}.",
        "en": "By our inference the PAC is a super PAC: an ordinary PAC may take no more than {limit} a year from one person, the FEC says, and this gift was {gift}.",
    },
    "original_heading": {"ar": "الأصل الإنجليزي للمقال", "en": "The article's English original"},
    "original_found": {
        "ar": "المقال ترجمة عربية لتقرير نشرته شبكة \u2066CNBC\u2069 في {date}. وقرأنا نصه الإنجليزي في نسخة أعادت نشرها محطة \u2066NBC DFW\u2069 بعنوان:",
        "en": "The article is an Arabic translation of a CNBC report from {date}. We read its English text in a copy republished by NBC DFW, headlined:",
    },
    "original_says": {
        "ar": "ويقول النص الإنجليزي \u2066“a pro-Harris PAC, according to The Information”\u2069 و\u2066“a pro-Trump political action committee”\u2069: يسمّي موقع ذا إنفورميشن، ولا يقول «سوبر باك»، فهذه الكلمة استنتاجنا.",
        "en": "It says “a pro-Harris PAC, according to The Information” and “a pro-Trump political action committee”: it names The Information, and it does not say “super PAC”, which is our inference.",
    },
    "original_unknown": {
        "ar": "لا تذكر النسخة التي قرأناها تاريخًا ولا كاتبًا، والنص يؤرخ نفسه بالأيام التي تلت {sunday}. ولا نعرف من نشر الترجمة العربية: يبدأ ملفها بعنوان قسم في موقع، «مقالات الأسهم».",
        "en": "The copy we read gives no date or byline; the text dates itself to the days after {sunday}. We do not know who published the Arabic translation: its file begins with a site's section header, \u2067«مقالات الأسهم»\u2069.",
    },
    "dictionary_summary": {
        "ar": "ملخص بالعربية: ثمانية ملفات \u2066CSV\u2069 مأخوذة من المقال وحده، ولكل رقم واسم وتاريخ فيها جملته من المقال بحرفها. وما جاء من خارج المقال في ملف تاسع، \u2066context_facts.csv\u2069، لكل سطر فيه مصدره وتاريخه ورابطه. والأرقام المحسوبة تُحسب عند التحميل ولا تُكتب باليد، والتواريخ النسبية محلولة مع طريقة حلها. ولكل نص يراه القارئ عمود بالعربية وآخر بالإنجليزية.",
        "en": "In brief: eight CSV files come from the article alone, each figure, name and date with its sentence of the article, verbatim. What comes from outside the article is in a ninth, context_facts.csv, each row with its source, date and link. Computed figures are computed on load, never typed, and relative dates are resolved with their reasoning. Every text a reader sees has an Arabic and an English column.",
    },
    "card_story_title": {
        "ar": "هوفمان وكونواي وحلفاء آخرون لهاريس يحثون كبار المتبرعين في قطاع التكنولوجيا على دعمها",
        "en": "Hoffman, Conway and other Harris allies urge big tech donors to back her",
    },
    "card_story_qualifier": {
        "ar": "تقدير مصدر واحد لم يُكشف اسمه لما قد تجمعه جهودهم وحدها لحملتها ولجان العمل السياسي الداعمة لها ومجموعات «المال المظلم»، لا أموال مُحصّلة.",
        "en": "One unnamed source's estimate of what their efforts alone may raise for her campaign, the PACs backing her and dark-money groups; not money raised.",
    },
    "card_money_title": {
        "ar": "التوأمان وينكليفوس تبرعا بالبيتكوين للجنة ترامب 47",
        "en": "Cameron and Tyler Winklevoss gave bitcoin to the Trump 47 committee",
    },
    "figure_each": {"ar": "{figure} لكل منهما", "en": "{figure} each"},
    "card_money_qualifier": {
        "ar": "بحسب سجلات لجنة الانتخابات الفيدرالية. وأُعيد جزء منه بحسب ما ورد، لأن كل تبرع تجاوز السقف القانوني البالغ {cap}.",
        "en": "According to FEC filings. Part was reportedly refunded: each gift exceeded the {cap} legal cap.",
    },
    "card_timeline_title": {
        "ar": "انسحب بايدن وأيّد هاريس، فبدأ حلفاؤها في قطاع التكنولوجيا الاتصال بالمتبرعين",
        "en": "Biden withdrew and endorsed Harris; her tech allies began calling donors",
    },
    "card_timeline_qualifier": {
        "ar": "يقول المقال «منذ يوم الأحد»، والتاريخ من السجل العام: رسالة بايدن المنشورة على منصة \u2066X\u2069 في ذلك اليوم.",
        "en": "The article says “since Sunday”; the date is public record: Biden's letter posted on X that day.",
    },
    "card_sources_title": {
        "ar": "المصدر: تقرير \u2066CNBC\u2069 عن حلفاء هاريس في قطاع التكنولوجيا، {when}، بترجمة عربية",
        "en": "The source: CNBC's report on Harris's tech allies, {when}, in Arabic translation",
    },
    "card_sources_qualifier": {
        "ar": "الرقم الذي يتصدر عنوانه: تقدير مصدر واحد لما قد تجمعه جهود الحلفاء وحدها، لا أموال مُحصّلة.",
        "en": "The figure in its headline: one source's estimate of what the allies' efforts alone may raise; not money raised.",
    },
}


def t(key: str, lang: str, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Arabic if the language is unknown), placeholders filled."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["ar"]
    return text.format(**values) if values else text


def pick(row: object, field: str, lang: str) -> str:
    """A bilingual field of a data row: ``pick(actor, "name", "en")`` reads ``name_en``."""
    return row[f"{field}_{locale(lang).code}"]  # type: ignore[index]
