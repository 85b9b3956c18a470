"""Every user-facing string of the app, in Arabic and English, in one table.

Pages never hold a string literal a reader sees; they ask ``t(key, lang)``. Figures inside
sentences are placeholders filled from data/, never typed here. tests/test_i18n.py checks that
every key has both languages and the same placeholders in each.
"""

from __future__ import annotations

LANGS = ("ar", "en")
DIRECTION = {"ar": "rtl", "en": "ltr"}

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
    "lang_ar": {"ar": "العربية", "en": "العربية (Arabic)"},
    "lang_en": {"ar": "English (الإنجليزية)", "en": "English"},
    "camp_filter": {"ar": "المعسكرات المعروضة", "en": "Camps shown"},
    "camp_filter_none": {"ar": "اختر معسكرًا", "en": "Choose a camp"},
    "camp_filter_help": {
        "ar": "تتبع الرسوم والجداول في كل الصفحات هذا الاختيار.",
        "en": "Charts and tables on every page follow this choice.",
    },
    "notice_dropped": {
        "ar": "تجاهلنا قيمة غير معروفة في الرابط ({key} = «{value}») وعرضنا الوضع الافتراضي.",
        "en": "We ignored an unknown value in the link ({key} = “{value}”) and used the default.",
    },
    "notice_repeated": {
        "ar": "تكرر المفتاح {key} في الرابط؛ استخدمنا آخر قيمة صالحة.",
        "en": "The link repeats {key}; we used the last valid value.",
    },
    "notice_unknown_key": {
        "ar": "تجاهلنا مفتاحًا غير معروف في الرابط: «{key}».",
        "en": "We ignored an unknown key in the link: “{key}”.",
    },
    "notice_too_long": {
        "ar": "تجاهلنا قيمة طويلة جدًا في الرابط ({key}).",
        "en": "We ignored an overlong value in the link ({key}).",
    },
    "chart_empty": {
        "ar": "{title}: لا بيانات لهذا الرسم ضمن المعسكرات المختارة.",
        "en": "{title}: this chart has no data for the camps selected.",
    },
    "empty_filter": {
        "ar": "لا شيء يطابق المعسكرات المختارة. اختر معسكرًا واحدًا على الأقل من الشريط الجانبي.",
        "en": "Nothing matches the camps selected. Pick at least one camp in the sidebar.",
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
    "qualifier_estimated": {"ar": "تقديري", "en": "estimated"},
    "qualifier_projected": {"ar": "متوقع (أكثر من)", "en": "projected (more than)"},
    "qualifier_derived": {"ar": "محسوب (حد أدنى)", "en": "derived (a minimum)"},
    "bound_at_most": {"ar": "حد أقصى", "en": "at most"},
    "amount_unknown": {"ar": "المبلغ غير معروف", "en": "amount unknown"},
    # Key figures
    "kf_goal": {"ar": "هدف حلفاء هاريس (متوقع)", "en": "Harris allies' goal (projected)"},
    "kf_hastings": {"ar": "تبرع ريد هاستينغز", "en": "Reed Hastings's gift"},
    "kf_limit": {"ar": "الحد القانوني للتبرع", "en": "Legal limit per gift"},
    "kf_refund": {"ar": "المردود لكل توأم (حد أدنى)", "en": "Refund per twin (minimum)"},
    # Charts
    "source_line": {
        "ar": "المصدر: تقرير CNBC، يوليو 2024 (ترجمة عربية)؛ بيانات «أموال التكنولوجيا 2024»، الإصدار {version}",
        "en": "Source: CNBC report, July 2024 (Arabic translation); Tech Money 2024 dataset v{version}",
    },
    "chart_table": {"ar": "البيانات كجدول (بديل نصي)", "en": "Data as a table (text alternative)"},
    "download_csv": {"ar": "تنزيل CSV", "en": "Download CSV"},
    "goal_title": {"ar": "تبرع هاستينغز أمام هدف المئة مليون", "en": "Hastings's gift against the $100M+ goal"},
    "goal_subtitle": {
        "ar": "الهدف تقدير متوقع (أكثر من)، لا أموال مُحصّلة؛ التبرع مبلغ مُعلن. الحصة {share} على الأكثر.",
        "en": "The goal is a projection (more than), not money counted; the gift is reported. Share: at most {share}.",
    },
    "goal_bar_goal": {"ar": "هدف الحلفاء (متوقع)", "en": "Allies' goal (projected)"},
    "goal_bar_gift": {"ar": "تبرع هاستينغز", "en": "Hastings's gift"},
    "twins_title": {"ar": "التوأمان وينكليفوس: التبرع والحد والمبلغ المردود", "en": "The Winklevoss twins: gift, limit and refund"},
    "twins_subtitle": {
        "ar": "التبرع {gift} على الأقل؛ المردود محسوب = التبرع − الحد ({formula})، وهو حد أدنى.",
        "en": "Gift at least {gift}; refund derived = gift − limit ({formula}), a minimum.",
    },
    "measure_gift": {"ar": "التبرع (على الأقل)", "en": "Gift (at least)"},
    "measure_limit": {"ar": "الحد القانوني", "en": "Legal limit"},
    "measure_refund": {"ar": "المردود (محسوب، حد أدنى)", "en": "Refund (derived, minimum)"},
    "flows_title": {"ar": "إلى أين تذهب الأموال", "en": "Where the money goes"},
    "flows_subtitle": {
        "ar": "الروابط الرمادية المنقّطة مبالغها غير معروفة وعرضها ليس بمقياس؛ هدف المئة مليون تقدير متوقع.",
        "en": "Grey links have unknown amounts and are not drawn to scale; the $100M+ goal is a projection.",
    },
    "camps_title": {"ar": "المبالغ المُعلنة حسب المعسكر", "en": "Reported amounts by camp"},
    "camps_subtitle": {
        "ar": "تبرعات مُعلنة فقط (لا يشمل الهدف المتوقع ولا المبالغ المحسوبة)؛ ≥ تعني على الأقل.",
        "en": "Reported gifts only (not the projected goal nor derived figures); ≥ means at least.",
    },
    "timeline_title": {"ar": "الخط الزمني للقصة", "en": "Timeline of the story"},
    "timeline_subtitle": {
        "ar": "الدوائر المفرغة تواريخ تقريبية استُنتجت من عبارات نسبية في المقال.",
        "en": "Open circles are approximate dates resolved from relative phrases in the article.",
    },
    "axis_usd": {"ar": "دولار أمريكي", "en": "US dollars"},
    "axis_date": {"ar": "التاريخ", "en": "Date"},
    "approximate": {"ar": "تقريبي", "en": "approximate"},
    "exact_date": {"ar": "تاريخ مذكور", "en": "date given"},
    "undated": {"ar": "أحداث بلا تاريخ محدد", "en": "Undated events"},
    # Table headers
    "col_label": {"ar": "البند", "en": "Item"},
    "col_amount": {"ar": "المبلغ", "en": "Amount"},
    "col_amount_usd": {"ar": "المبلغ (دولار)", "en": "Amount (USD)"},
    "col_qualifier": {"ar": "الوصف", "en": "Qualifier"},
    "col_formula": {"ar": "طريقة الحساب", "en": "How derived"},
    "col_from": {"ar": "من", "en": "From"},
    "col_to": {"ar": "إلى", "en": "To"},
    "col_status": {"ar": "الحالة", "en": "Status"},
    "col_camp": {"ar": "المعسكر", "en": "Camp"},
    "col_name": {"ar": "الاسم", "en": "Name"},
    "col_role": {"ar": "الدور", "en": "Role"},
    "col_date": {"ar": "التاريخ", "en": "Date"},
    "col_event": {"ar": "الحدث", "en": "Event"},
    "col_reasoning": {"ar": "كيف حُدّد التاريخ", "en": "How the date was resolved"},
    "col_excerpt": {"ar": "الجملة المصدر", "en": "Source sentence (Arabic)"},
    "col_twin": {"ar": "التوأم", "en": "Twin"},
    "col_measure": {"ar": "المقياس", "en": "Measure"},
    "col_gifts": {"ar": "عدد التبرعات", "en": "Gifts"},
    "status_projected": {"ar": "متوقع", "en": "projected"},
    "status_reported": {"ar": "مُعلن", "en": "reported"},
    "status_refunded_in_part": {"ar": "رُدّ جزء منه", "en": "partly refunded"},
    "status_planned": {"ar": "مخطط", "en": "planned"},
    "status_legal": {"ar": "حد قانوني", "en": "legal limit"},
    "status_derived": {"ar": "محسوب", "en": "derived"},
    # Story page
    "story_intro": {
        "ar": "قصة واحدة، وكل رقم فيها مربوط بجملته في المقال. اختر المعسكرات من الشريط الجانبي، وشارك الرابط كما تراه.",
        "en": "One story, every figure tied to its sentence in the article. Pick camps in the sidebar and share the link as you see it.",
    },
    "key_figures": {"ar": "أرقام رئيسية", "en": "Key figures"},
    "section_push_title": {"ar": "حملة ضغط من وراء الكواليس", "en": "A push behind the scenes"},
    "section_push_body": {
        "ar": "منذ انسحاب بايدن، يحاول مستثمرون مثل ريد هوفمان ورون كونواي إقناع كبار مانحي التكنولوجيا بدعم هاريس. يقدّر مصدر واحد أن جهودهم «{quote}»: هدف متوقع يتجاوز {goal}، لا أموال مُحصّلة.",
        "en": "Since Biden withdrew, investors such as Reid Hoffman and Ron Conway have been urging big tech donors to back Harris. One source estimates the effort is on track to raise more than {goal}: a projection, not money counted. In the Arabic: «{quote}».",
    },
    "section_hastings_body": {
        "ar": "أقنع هوفمان ريد هاستينغز، رئيس مجلس إدارة نيتفليكس، بتبرع قدره {gift} للجنة عمل سياسي مؤيدة لهاريس، أي {share} على الأكثر من الهدف المتوقع. بعد يومين من تردده كتب: «{quote}».",
        "en": "Hoffman persuaded Netflix chairman Reed Hastings to give {gift} to a pro-Harris PAC, at most {share} of the projected goal. Two days after hesitating he wrote (in the Arabic): «{quote}».",
    },
    "section_flows_title": {"ar": "أين تذهب الأموال", "en": "Where the money goes"},
    "section_flows_body": {
        "ar": "تُوجَّه الأموال إلى حملة هاريس ولجان العمل السياسي الداعمة لها ومجموعات 501(c)(4) «{quote}». المقال لا يذكر كيف تتوزع المبالغ.",
        "en": "The money goes to the Harris campaign, the PACs backing her and 501(c)(4) groups that do not disclose their donors (in the Arabic: «{quote}»). The article does not say how it splits.",
    },
    "section_twins_title": {"ar": "بيتكوين التوأمين لترامب", "en": "The twins' bitcoin for Trump"},
    "section_twins_body": {
        "ar": "تبرع كاميرون وتايلر وينكليفوس بما لا يقل عن {gift} لكل منهما بالبيتكوين إلى لجنة ترامب 47، ورُدّ جزء لأن كل تبرع تجاوز الحد القانوني البالغ {limit}. المردود المحسوب لكل منهما {refund} على الأقل.",
        "en": "Cameron and Tyler Winklevoss each gave at least {gift} in bitcoin to the Trump 47 committee; part was refunded because each gift exceeded the {limit} legal limit. The derived refund is at least {refund} each.",
    },
    "section_skeptics_title": {"ar": "المتشككون وسجل هاريس", "en": "The skeptics and Harris's record"},
    "section_skeptics_body": {
        "ar": "النتائج حتى الآن مختلطة. قال مستشار لمديرين في العملات المشفرة: «{quote}». ويستعيد المشككون سجلها من 2011 إلى قانون تيك توك.",
        "en": "Results so far are mixed. An adviser to crypto executives said (in the Arabic): «{quote}». Skeptics point to her record, from 2011 to the TikTok bill.",
    },
    # Donors page
    "donors_intro": {
        "ar": "كل من يذكره المقال، مصنفًا حسب المعسكر. اختر اسمًا لعرض سجلاته.",
        "en": "Everyone the article names, by camp. Pick a name to see its records.",
    },
    "actor_select": {"ar": "اختر اسمًا", "en": "Pick a name"},
    "actor_none": {"ar": "— لا أحد —", "en": "— none —"},
    "actor_records": {"ar": "سجلات {name}", "en": "Records for {name}"},
    "actor_amounts": {"ar": "المبالغ", "en": "Amounts"},
    "actor_quotes": {"ar": "أقوال", "en": "Quotes"},
    "actor_stances": {"ar": "المواقف", "en": "Stances"},
    "actor_none_records": {"ar": "لا مبالغ ولا أقوال مسجلة لهذا الاسم.", "en": "No amounts or quotes recorded for this name."},
    "actors_table": {"ar": "الأسماء والأدوار", "en": "Names and roles"},
    "stance_endorsed": {"ar": "أيّد", "en": "endorsed"},
    "stance_said_will_back": {"ar": "قال إنه سيدعم", "en": "said will back"},
    "stance_vocal_supporter": {"ar": "مؤيد صريح", "en": "vocal supporter"},
    "stance_donated": {"ar": "تبرّع", "en": "donated"},
    "stance_undecided": {"ar": "لم يحسم", "en": "undecided"},
    "stance_doubts": {"ar": "يشكك", "en": "doubts"},
    # Timeline page
    "timeline_intro": {
        "ar": "من انتخاب هاريس مدعية عامة إلى موعد بيع تيك توك في أوائل 2025.",
        "en": "From Harris's election as attorney general to the early-2025 TikTok deadline.",
    },
    # Money page
    "money_intro": {
        "ar": "كل رقم هنا من المقال؛ المتوقع والمحسوب موسومان بوضوح.",
        "en": "Every figure here is from the article; projections and derived figures are marked.",
    },
    "limits_title": {"ar": "الحدود القانونية", "en": "Legal limits"},
    "limits_note": {
        "ar": "الحد الوحيد الذي يذكره المقال هو حد التبرع الواحد للجنة ترامب 47.",
        "en": "The only limit the article names is the per-gift cap for the Trump 47 committee.",
    },
    # Sources page
    "sources_intro": {
        "ar": "المقال كما نُشر، والجمل المستشهد بها مظللة ومربوطة بسجلاتها.",
        "en": "The article as published, with every cited sentence highlighted and linked to its records.",
    },
    "article_heading": {"ar": "المقال المصدر", "en": "The source article (Arabic)"},
    "not_story": {"ar": "ليس من نص القصة", "en": "Not part of the story"},
    "cited_by": {"ar": "مستشهد به في: {ids}", "en": "Cited by: {ids}"},
    "docs_heading": {"ar": "السجلات المستشهد بها، وقاموس البيانات والمنهج، وسجل التغييرات",
                     "en": "Cited records, data dictionary and method, changelog"},
    "dictionary_heading": {"ar": "قاموس البيانات وملاحظات المنهج", "en": "Data dictionary and method"},
    "downloads_heading": {"ar": "التنزيلات", "en": "Downloads"},
    "download_tables": {"ar": "تنزيلات أخرى: كل جدول (CSV)، والأسماء المختارة، وبطاقة مشاركة (PNG)",
                        "en": "More downloads: each table (CSV), the names you selected, a share card (PNG)"},
    "download_table": {"ar": "تنزيل {name}.csv", "en": "Download {name}.csv"},
    "download_filtered": {"ar": "تنزيل الأسماء حسب المعسكرات المختارة (CSV)", "en": "Download names in the selected camps (CSV)"},
    "download_bundle": {"ar": "تنزيل البيانات كاملة (ZIP، الإصدار {version})", "en": "Download the whole dataset (ZIP, version {version})"},
    "cite_heading": {"ar": "كيف تستشهد", "en": "How to cite"},
    "cite_text": {
        "ar": "«أموال التكنولوجيا 2024»، الإصدار {version}، مبني على تقرير CNBC (يوليو 2024) بترجمته العربية. تاريخ الاطلاع: {date}. {link}",
        "en": "Tech Money 2024, dataset version {version}, built from a CNBC report (July 2024) in Arabic translation. Accessed {date}. {link}",
    },
    "embed_heading": {"ar": "تضمين رسم", "en": "Embed a chart"},
    "embed_help": {"ar": "انسخ هذا الرمز لتضمين الرسم في صفحة أخرى:", "en": "Copy this code to embed the chart in another page:"},
    "changelog_heading": {"ar": "سجل التغييرات", "en": "Changelog"},
    "share_card": {"ar": "تنزيل بطاقة مشاركة (PNG)", "en": "Download a share card (PNG)"},
    "share_link": {"ar": "رابط هذا العرض", "en": "Link to this view"},
    "card_source": {"ar": "المصدر: CNBC، يوليو 2024 — ترجمة عربية", "en": "Source: CNBC, July 2024 — Arabic translation"},
}


def t(key: str, lang: str, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Arabic if the language is unknown), placeholders filled."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["ar"]
    return text.format(**values) if values else text


def pick(row: object, field: str, lang: str) -> str:
    """A bilingual field of a data row: ``pick(actor, "name", "en")`` reads ``name_en``."""
    suffix = "en" if lang == "en" else "ar"
    return row[f"{field}_{suffix}"]  # type: ignore[index]
