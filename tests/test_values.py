"""Dates and quantities, Arabic and English."""
import pytest

from ingest.values import date_lt, days_between, find_capacities, find_dates


def vals(found):
    return [f["value"] for f in found]


@pytest.mark.parametrize("text,published,expected", [
    ("منذ عام 2017", "2021-06-22", ["2017"]),
    ("هذا الشهر", "2021-06-22", ["2021-06"]),
    ("الشهر الماضي", "2021-06-12", ["2021-05"]),
    ("العام الماضي", "2021-06-12", ["2020"]),
    ("أعلنت الاثنين", "2021-06-22", ["2021-06-21"]),
    ("يوم الجمعة", "2021-06-12", ["2021-06-11"]),
    ("في 20 يونيو 2025", None, ["2025-06-20"]),
    ("في مارس/آذار", "2021-06-22", ["2021-03"]),
    ("يونيو ٢٠٢٢", None, ["2022-06"]),
    ("on Monday", "2021-03-03", ["2021-03-01"]),
    ("last month", "2021-03-03", ["2021-02"]),
    ("Feb. 25", "2021-03-01", ["2021-02-25"]),
    ("May 10, 2021", None, ["2021-05-10"]),
    ("the end of September", "2020-12-10", ["2020-09"]),
    ("by April", "2021-03-01", ["2021-04"]),
])
def test_dates(text, published, expected):
    lang = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    assert vals(find_dates(text, lang, published)) == expected


def test_relative_dates_stay_unresolved_without_publication_date():
    assert vals(find_dates("هذا الشهر", "ar", None)) == [None]
    assert vals(find_dates("last year", "en", None)) == [None]


def test_percent_is_not_a_year():
    assert find_dates("90% of 2021", "en", None)[0]["value"] == "2021"
    assert vals(find_dates("وصلت إلى 2020 بالمئة", "ar", None)) == []
    assert vals(find_dates("grew 2019%", "en", None)) == []


def test_may_the_verb_is_not_a_month():
    assert find_dates("miners may move", "en", "2021-06-01") == []


@pytest.mark.parametrize("text,expected", [
    ("260 ميغاواط", {"amount": 260, "unit": "MW"}),
    ("260 ميجاوات", {"amount": 260, "unit": "MW"}),
    ("320 آلة تعدين", {"amount": 320, "unit": "machines"}),
    ("من 10 الى 20 بالمئة", {"amount": [10, 20], "unit": "percent"}),
    ("٣٠٪", {"amount": 30, "unit": "percent"}),
    ("ثلاثة مناجم", {"amount": 3, "unit": "mines"}),
    ("400 ألف جهاز تعدين", {"amount": 400000, "unit": "machines"}),
    ("ألفين جهاز", {"amount": 2000, "unit": "machines"}),       # two thousand, not 2000 × 1000
    ("ألفي جهاز تعدين", {"amount": 2000, "unit": "machines"}),   # the same, before its noun
    ("مئتي آلة", {"amount": 200, "unit": "machines"}),
    ("\"آلاف عدة\" من آلات التعدين", {"amount": None, "unit": "machines"}),
    ("1,200 megawatts", {"amount": 1200, "unit": "MW"}),
    ("a 2,500-rig mine", {"amount": 2500, "unit": "machines"}),
    ("one to two percent", {"amount": [1, 2], "unit": "percent"}),
    ("US$4.8-billion", {"amount": 4800000000, "unit": "USD"}),
    ("35 EH/s", {"amount": 35, "unit": "EH/s"}),
    ("several thousand machines", {"amount": None, "unit": "machines"}),
])
def test_capacities(text, expected):
    lang = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    found = find_capacities(text, lang)
    assert expected in vals(found), found


def test_offsets_are_true_to_the_text():
    text = "شحنت الشركة ٣٢٠ آلة تعدين إلى كازاخستان"
    [cap] = find_capacities(text, "ar")
    assert text[cap["start"]:cap["end"]] == cap["text"] == "٣٢٠ آلة تعدين"
    assert cap["value"] == {"amount": 320, "unit": "machines"}


def test_date_order():
    assert date_lt("2018", "2021-06")
    assert not date_lt("2021-06-21", "2021-06")
    assert days_between("2021-06-18", "2021-07-12") == 24


def test_year_phrases():
    assert vals(find_dates("حتى نهاية العام", "ar", "2022-03-16")) == ["2022"]
    assert vals(find_dates("by the end of the year", "en", "2022-03-16")) == ["2022"]
    assert find_dates("الرأي العام والقطاع العام", "ar", "2022-03-16") == []   # "public", not a year


def test_last_and_next_month_point_away_from_the_publication_date():
    def values(text, lang):
        return [d["value"] for d in find_dates(text, lang, "2022-01-11")]
    assert values("بعد حظر مماثل في أيار/مايو الماضي", "ar") == ["2021-05"]
    assert values("في آذار/مارس المقبل", "ar") == ["2022-03"]
    assert values("after a ban last May", "en") == ["2021-05"]
    assert values("in December", "en") == ["2021-12"]  # without a word, the nearest


def test_the_other_calendar_s_month_in_brackets_is_one_date():
    found = find_dates("شحنت 320 آلة في ٢١ حزيران (يونيو) ٢٠٢١ ثم في أيار (مايو) الماضي", "ar", "2022-07-01")
    assert [(d["text"], d["value"]) for d in found] == [
        ("٢١ حزيران (يونيو) ٢٠٢١", "2021-06-21"), ("أيار (مايو) الماضي", "2022-05")]


def test_a_month_without_year_is_more_often_the_last_one():
    # written in September: "banned mining in January" is the January before
    assert [d["value"] for d in find_dates("Kosovo banned mining in January.", "en", "2022-09-05")] == ["2022-01"]
    # written in late June, "by July" is the coming one
    assert [d["value"] for d in find_dates("by July", "en", "2021-06-22")] == ["2021-07"]


def test_arabic_ordinal_days_and_a_year_before_a_count():
    found = find_dates("قطع الكهرباء حتى الأول من شباط/فبراير، وحتى السادس من آذار/مارس 2022", "ar", "2022-01-10")
    assert [d["value"] for d in found] == ["2022-02-01", "2022-03-06"]
    assert find_capacities("يدير الصندوق منذ 2019 مزارع تعدين", "ar") == []
    assert [c["value"]["amount"] for c in find_capacities("since 2019 farms and 2,020 machines", "en")] == [2020]


def test_an_until_month_takes_the_year_of_its_sentence():
    found = find_dates("In May 2021, President Hassan Rouhani banned crypto mining for four months, until "
                       "September 22.", "en", "2022-03-10")
    assert [d["value"] for d in found] == ["2021-05", "2021-09-22"]


def test_compound_arabic_numbers_and_miners_who_are_people():
    caps = lambda t, lang: [(c["text"], c["value"]) for c in find_capacities(t, lang)]  # noqa: E731
    assert caps("نقلت ستة وعشرين جهازا.", "ar") == [("ستة وعشرين جهازا", {"amount": 26, "unit": "machines"})]
    assert caps("نقلت خمسة وثلاثين ألف جهاز.", "ar") == [("خمسة وثلاثين ألف جهاز", {"amount": 35000, "unit": "machines"})]
    assert caps("Two miners said they had relocated to Sarawak.", "en") == []
    assert caps("More than 20 miners who left Sichuan.", "en") == []
    assert caps("The company shipped 10,000 miners to Texas.", "en") == [("10,000 miners", {"amount": 10000, "unit": "machines"})]


def test_a_yearless_month_told_in_the_past_is_the_last_one():
    from ingest.values import find_dates

    def value(text):
        return [d["value"] for d in find_dates(text, "en", "2023-11-14")]
    assert value("In January the authorities rationed power to miners for three weeks.") == ["2023-01"]
    assert value("In December the company was hit by raids.") == ["2022-12"]
    # to come, or said so: the next one
    assert value("In January the authorities will ration power to miners.") == ["2024-01"]
    assert value("The ban takes effect in January.") == ["2024-01"]
    # an -ed word that is no verb of the sentence ("licensed"), a deadline ("as of"): not past
    assert value("The ministry told the utility to halt supplies to licensed miners as of Dec. 31.") == ["2023-12-31"]


def test_that_month_and_that_year_take_the_date_told_before():
    found = find_dates("In May 2021 his company ran 12,000 machines. That month the State Council said it "
                       "would crack down. In June of that year it left. Later that year it moved again.",
                       "en", "2025-03-01")
    assert [(f["text"], f["value"]) for f in found] == [
        ("May 2021", "2021-05"), ("That month", "2021-05"), ("June of that year", "2021-06"),
        ("Later that year", "2021")]
    found = find_dates("منذ عام 2021، بعدما أمرت السلطات في أيار/مايو من ذلك العام بوقف التعدين. "
                       "وفي العام نفسه انتقلوا.", "ar", "2024-08-05")
    assert vals(found) == ["2021", "2021-05", "2021"]
    # nothing told before: no date
    assert vals(find_dates("That year the miners left.", "en", "2025-03-01")) == []


def test_a_month_goes_on_from_the_dated_sentence_before_it_in_its_paragraph():
    found = find_dates("In November 2021 the ban came. In March, they moved. It will move again in April."
                       "\n\nIn June, prices rose.", "en", "2024-08-05")
    assert [(f["text"], f["value"]) for f in found] == [
        ("November 2021", "2021-11"), ("March", "2022-03"),  # the March after that November
        ("April", "2024-04"),   # to come: not from the year told before
        ("June", "2024-06")]    # another paragraph
    found = find_dates('جاءت نقطة التحول في أيار/مايو ٢٠٢١. "في حزيران شحنتها براً إلى أرمينيا".', "ar", "2024-08-05")
    assert vals(found) == ["2021-05", "2021-06"]
    # "سيتشوان" is a province, not a verb to come
    found = find_dates("انقلبت الحسابات في أيار/مايو 2021. وبعد أسابيع، في 18 حزيران/يونيو، أمرت لجنة التنمية "
                       "في سيتشوان بقطع الكهرباء.", "ar", "2024-04-10")
    assert vals(found) == ["2021-05", "2021-06-18"]


def test_the_following_year_is_the_year_after_the_one_told_before():
    found = find_dates("Sarawak began cutting off farms in 2021, and Sabah ran its sweep the following year.",
                       "en", "2024-05-14")
    assert vals(found) == ["2021", "2022"]
    assert vals(find_dates("بدأت الحملة عام 2021، وفي العام التالي انتقلوا.", "ar", "2024-05-14")) == ["2021", "2022"]
    # a list of clauses: "… in early June 2021; … on June 9; and Sichuan's order came on June 18"
    found = find_dates("Changji ordered farms shut in early June 2021; Qinghai issued a notice on June 9; and "
                       "Sichuan's order came on June 18.", "en", "2022-06-20")
    assert vals(found) == ["2021-06", "2021-06-09", "2021-06-18"]


def test_the_levantine_august_is_read_as_the_other_name_of_the_month_only():
    assert [(d["text"], d["value"]) for d in find_dates("وفي أغسطس/آب ٢٠٢٣ أصدرت الحكومة", "ar", "2024-01-01")] == [
        ("أغسطس/آب ٢٠٢٣", "2023-08")]
    assert [(d["text"], d["value"]) for d in find_dates("في 5 آب/أغسطس 2021", "ar", "2024-01-01")] == [
        ("5 آب/أغسطس 2021", "2021-08-05")]
    assert find_dates("قال الأب إن ابنه سافر", "ar", "2024-01-01") == []


@pytest.mark.parametrize("text,lang,expected", [
    ("moved its last one hundred and fifty machines", "en", (150, "one hundred and fifty machines")),
    ("shipped twenty-five machines", "en", (25, "twenty-five machines")),  # one number, not 20 to 5
    ("nine hundred rigs", "en", (900, "nine hundred rigs")),
    ("a hundred and twenty machines", "en", (120, "a hundred and twenty machines")),
    ("two hundred and forty-five rigs", "en", (245, "two hundred and forty-five rigs")),
    ("sixty machines", "en", (60, "sixty machines")),
    ("an eighteen megawatt site", "en", (18, "eighteen megawatt")),
    ("three thousand five hundred machines", "en", (3500, "three thousand five hundred machines")),
    ("five hundred thousand dollars", "en", (500000, "five hundred thousand dollars")),
    ("نقل مئة وخمسين جهازا", "ar", (150, "مئة وخمسين جهازا")),
    ("نقل ثلاثمئة جهاز", "ar", (300, "ثلاثمئة جهاز")),
    ("نقل خمسمائة جهاز", "ar", (500, "خمسمائة جهاز")),
    ("نقل مئة وخمسة وعشرين جهازا", "ar", (125, "مئة وخمسة وعشرين جهازا")),
    ("نقل ألفين وخمسمئة جهاز", "ar", (2500, "ألفين وخمسمئة جهاز")),
    ("نقل ثلاثة آلاف وخمسمئة جهاز", "ar", (3500, "ثلاثة آلاف وخمسمئة جهاز")),
    ("نقل 3 آلاف و500 جهاز", "ar", (3500, "3 آلاف و500 جهاز")),
])
def test_numbers_written_in_words_are_one_number(text, lang, expected):
    caps = find_capacities(text, lang)
    assert [(c["value"]["amount"], c["text"]) for c in caps] == [expected]


def test_containers_and_euros_are_units():
    caps = lambda t, lang: [(c["text"], c["value"]) for c in find_capacities(t, lang)]  # noqa: E731
    assert caps("He had sent eight of its 14 containers to Ton Pheung.", "en") == [
        ("14 containers", {"amount": 14, "unit": "containers"})]
    assert caps("شحن ست حاويات بحراً إلى صحار.", "ar") == [("ست حاويات", {"amount": 6, "unit": "containers"})]
    assert caps("The move cost 3 million euros.", "en") == [("3 million euros", {"amount": 3000000, "unit": "EUR"})]


def test_a_bare_thousand_a_half_and_the_count_after_the_noun():
    caps = lambda t, lang: [(c["text"], c["value"]["amount"]) for c in find_capacities(t, lang)]  # noqa: E731
    assert caps("ضبط أكثر من ألف جهاز", "ar") == [("ألف جهاز", 1000)]
    assert caps("The firm moved a thousand rigs.", "en") == [("a thousand rigs", 1000)]
    assert caps("بين 3 و5 آلاف جهاز", "ar") == [("بين 3 و5 آلاف جهاز", [3000, 5000])]
    assert caps("ألواح تكفي لتشغيل أربعة ميغاواط ونصف", "ar") == [("أربعة ميغاواط ونصف", 4.5)]
    assert caps("نقل آنذاك أجهزته الـ350 من طرابلس", "ar") == [("أجهزته الـ350", 350)]
    assert caps("باع أجهزته الأربعين لتاجر", "ar") == [("أجهزته الأربعين", 40)]
    assert caps("تصطف الحاويات السبع في الساحة", "ar") == [("الحاويات السبع", 7)]
    assert caps("أجهزة الثلاثاء", "ar") == []  # Tuesday is no number
