"""The spaCy pipeline: NORM, clitics, entities across languages, events."""
from pathlib import Path

from ingest.normalize import fold_with_map, normalize_text
from ingest.pipeline import extract, get_pipeline


def rec(text, lang, published="2021-06-22"):
    return extract({"id": "t", "title": "", "text": text, "published": published, "lang": lang})


def probe(folder, name):
    """The text of one of the project's probe articles (bench/probes)."""
    return (Path(__file__).resolve().parent.parent / "bench" / "probes" / folder / f"{name}.txt").read_text(encoding="utf-8")


def moves(r, *keys):
    """The record's migrations as tuples of ``keys``; "who" is the actor's
    entity text, or the actor itself when it is no entity (a group's words)."""
    names = {e["id"]: e["text"] for e in r["entities"]}
    return [tuple(names.get(m["actor"], m["actor"]) if k == "who" else m[k] for k in keys)
            for m in r["events"] if m["type"] == "MIGRATION"]


def test_norm_folds_spelling_without_touching_text():
    nlp = get_pipeline("ar")
    doc = nlp.make_doc("سيتشوان وسيشوان وإيران لكازاخستان بكين كندا")
    assert doc.text == "سيتشوان وسيشوان وإيران لكازاخستان بكين كندا"
    norms = [t.norm_ for t in doc]
    assert norms[1] == "سيشوان"          # clitic و stripped before a known name
    assert norms[2] == "ايران"           # alef with hamza folded
    assert norms[3] == "كازاخستان"       # clitic ل stripped
    assert norms[4] == "بكين"            # a name that starts like a clitic is kept
    assert norms[5] == "كندا"


def test_fold_with_map_offsets():
    text = "الــصِّين ٢٠٢١"
    folded, offsets = fold_with_map(text)
    assert folded == normalize_text(text).lower().replace("ـ", "")
    assert text[offsets[folded.index("2021")]] == "٢"


def test_spelling_variants_are_one_node():
    ids = set()
    for text, lang in (("حظرت سيشوان التعدين", "ar"), ("حظرت سيتشوان التعدين", "ar"),
                       ("Sichuan banned mining", "en")):
        ids |= {e["canonical"] for e in rec(text, lang)["entities"] if e["type"] == "PROVINCE"}
    assert ids == {"CN-SC"}


def test_china_is_one_node_in_both_languages():
    ar = {e["canonical"] for e in rec("الصين", "ar")["entities"]}
    en = {e["canonical"] for e in rec("China", "en")["entities"]}
    assert ar == en == {"CN"}


def test_regulators_from_cues():
    ents = rec("أمرت السلطات الصينية بإغلاق مناجم العملات.", "ar")["entities"]
    assert {"authorities:CN"} <= {e.get("canonical") for e in ents if e["type"] == "REGULATOR"}
    ents = rec("Kazakh officials said the Ministry of Energy will cut power to miners.", "en")["entities"]
    regs = {(e["text"], e.get("canonical")) for e in ents if e["type"] == "REGULATOR"}
    assert ("Kazakh officials", "authorities:KZ") in regs
    assert any(t == "Ministry of Energy" for t, _ in regs)


def test_people_and_companies_from_cues():
    ents = rec('وقال نيك كارتر الشريك في صندوق "كاسل آيلاند" إن شركة "هاش فارم" نقلت أجهزتها.', "ar")["entities"]
    assert ("PERSON", "نيك كارتر") in {(e["type"], e["text"]) for e in ents}
    assert ("COMPANY", "هاش فارم") in {(e["type"], e["text"]) for e in ents}
    ents = rec("Jane Doe, chief executive of Northwind Mining, said the firm moved.", "en")["entities"]
    assert {("PERSON", "Jane Doe"), ("COMPANY", "Northwind Mining")} <= {(e["type"], e["text"]) for e in ents}


def test_ban_and_migration_with_arguments():
    r = rec("بعد أن أمرت سلطات سيشوان بوقف التعدين، نقلت الشركة 500 جهاز تعدين من سيشوان إلى تكساس الاثنين.", "ar")
    bans = [e for e in r["events"] if e["type"] == "BAN"]
    moves = [e for e in r["events"] if e["type"] == "MIGRATION"]
    assert [b["jurisdiction"] for b in bans] == ["CN-SC"]
    [m] = moves
    assert (m["origin"], m["destination"], m["status"]) == ("CN-SC", "US-TX", "completed")
    assert m["quantity"] == {"amount": 500, "unit": "machines"}
    assert m["date"] == "2021-06-21"
    assert r["article"]["text"][m["start"]:m["end"]] == m["sentence"]


def test_planned_moves_and_bans():
    r = rec("The government plans to ban crypto mining next year, and miners are considering a move to Canada.", "en",
            published="2022-03-01")
    [b] = [e for e in r["events"] if e["type"] == "BAN"]
    assert b["status"] == "planned"
    [m] = [e for e in r["events"] if e["type"] == "MIGRATION"]
    assert (m["destination"], m["status"]) == ("CA", "planned")


def test_language_is_detected_when_not_given():
    r = extract({"id": "t", "title": "", "text": "حظرت إيران تعدين العملات المشفرة"})
    assert r["article"]["lang"] == "ar"
    assert r["events"][0]["jurisdiction"] == "IR"


def test_empty_and_tiny_articles():
    assert extract({"id": "t", "title": "", "text": "", "lang": "en"})["events"] == []
    assert extract({"id": "t", "title": "", "text": "x", "lang": "ar"})["entities"] == []


def test_definite_article_is_part_of_a_name():
    # اليونان is Greece; يونان (without the article) is a spelling of Yunnan
    ids = {e["canonical"] for e in rec("زار اليونان ثم يونان", "ar")["entities"]}
    assert ids == {"GR", "CN-YN"}


def test_bans_of_other_industries():
    r = rec("Indonesia banned exports of nickel ore in 2020.", "en", published="2021-01-01")
    [b] = [e for e in r["events"] if e["type"] == "BAN"]
    assert (b["jurisdiction"], b["target"], b["date"]) == ("ID", "exports of nickel ore", "2020")
    r = rec("أمرت السلطات في منغوليا الداخلية مصانع الصلب بوقف الإنتاج.", "ar")
    [b] = [e for e in r["events"] if e["type"] == "BAN"]
    assert (b["jurisdiction"], b["target"]) == ("CN-NM", "مصانع الصلب")


def test_english_wire_copy_names_and_moves():
    text = ("ALMATY, Jan 25 - Kazakhstan will cut off electricity to mining farms, the energy ministry said. "
            "The Association of Blockchain and Data Centre Industry criticised the decision. "
            "The country became a mining hub after China banned the practice last year, when thousands of "
            "miners moved their equipment across the border.")
    r = rec(text, "en", published="2022-01-25")
    ents = {(e["type"], e["text"]) for e in r["entities"]}
    assert ("REGULATOR", "energy ministry") in ents
    assert ("ORGANIZATION", "Association of Blockchain and Data Centre Industry") in ents
    moves = [e for e in r["events"] if e["type"] == "MIGRATION"]
    assert [m["origin"] for m in moves] == ["CN"]   # they left the place of the ban


def test_arabic_wire_copy():
    text = ('وأوضح المحلل في شركة "هاش ريت إندكس" كولين هاربر أن بعض المعدنين بدأوا بنقل أجهزتهم '
            'من إيركوتسك إلى إثيوبيا. وكانت روسيا قد أصبحت مركزا للتعدين بعد أن حظرت الصين هذا النشاط '
            'عام 2021، إذ نقل معدنون صينيون نحو 100 ألف جهاز إلى كازاخستان في ذلك العام.')
    r = rec(text, "ar", published="2024-11-12")
    ents = {(e["type"], e["text"]) for e in r["entities"]}
    assert {("PERSON", "كولين هاربر"), ("COMPANY", "هاش ريت إندكس")} <= ents
    moves = {(m["origin"], m["destination"], m["status"]) for m in r["events"] if m["type"] == "MIGRATION"}
    assert ("RU-IRK", "ET", "in_progress") in moves  # a town left stands for its province
    assert ("CN", "KZ", "completed") in moves      # قد + past tense is not "may"


def test_things_that_move_but_are_not_migrations():
    for text in ("Norway's move to ban crypto mining was criticized.",
                 "Bitcoin's price moved sharply after China's ban on mining.",
                 "The company plans to move forward with its expansion in Texas.",
                 "وانتقل سعر البيتكوين إلى مستوى قياسي بعد قرار الحظر في الصين."):
        lang = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
        assert not [e for e in rec(text, lang)["events"] if e["type"] == "MIGRATION"], text
    # the ban of "moved to Texas after the ban" is not Texas's
    r = rec("Many miners moved to Texas after the ban.", "en")
    assert [(e["type"], e.get("destination")) for e in r["events"]] == [("MIGRATION", "US-TX")]


def test_curtailment_by_a_company_is_not_a_ban_but_rationing_is():
    assert rec("Riot Platforms halted operations at its Texas site during the heat wave.", "en")["events"] == []
    r = rec("Grid operator KEGOC will be rationing electricity to crypto miners in Kazakhstan.", "en")
    assert [(e["type"], e["jurisdiction"]) for e in r["events"]] == [("BAN", "KZ")]


def test_people_with_name_particles():
    ents = rec("European Commission President Ursula von der Leyen said so. Alex de Vries, a researcher, agreed.",
               "en")["entities"]
    people = {e["text"] for e in ents if e["type"] == "PERSON"}
    assert people == {"Ursula von der Leyen", "Alex de Vries"}


def test_arabic_company_quoted_after_its_description_and_attraction():
    text = ('قال رئيس شركة الكهرباء الوطنية "أندي" فيليكس سوسا إن الشركة قطعت الكهرباء عن مزارع التعدين. '
            'وكانت باراغواي قد استقطبت عشرات الشركات التي انتقلت من الولايات المتحدة.')
    r = rec(text, "ar", published="2024-05-10")
    ents = {(e["type"], e["text"]) for e in r["entities"]}
    assert {("COMPANY", "أندي"), ("PERSON", "فيليكس سوسا")} <= ents
    moves = {(m["origin"], m["destination"], m["status"]) for m in r["events"] if m["type"] == "MIGRATION"}
    assert ("US", "PY", "completed") in moves
    # a quotation after "شركته" is what someone said, not the company's name
    ents = rec('وقال تشو الذي تتولى شركته صيانة الآلات "نحن نفكر في طرق للسفر إلى الخارج".', "ar")["entities"]
    assert not [e for e in ents if e["type"] == "COMPANY"]


def test_a_group_of_movers_is_the_actor_and_the_move_one_node_in_both_languages():
    from kg.model import record_to_batch
    ar = rec("نقل المعدنون الصينيون أجهزتهم إلى كازاخستان.", "ar")
    en = rec("Chinese miners moved their machines to Kazakhstan.", "en")
    ids = set()
    for r, words in ((ar, "المعدنون الصينيون"), (en, "Chinese miners")):
        [m] = [e for e in r["events"] if e["type"] == "MIGRATION"]
        # no entity acts: the actor is the group's words, as the text gives them
        assert m["actor"] == words
        assert m["actor"] not in {e["id"] for e in r["entities"]}
        [node] = record_to_batch(r).nodes["Migration"]
        assert node["actor"] == words
        ids.add(node["id"])
    # the words differ by language; the move does not
    assert len(ids) == 1
    # an entity that acts stays the actor, by id
    r = rec('قالت شركة "هاش فارم" إنها نقلت أجهزتها إلى كازاخستان.', "ar")
    [(actor, who)] = moves(r, "actor", "who")
    assert actor in {e["id"] for e in r["entities"]} and who == "هاش فارم"


def test_we_move_says_the_speakers_company():
    def movers(text, lang):
        return moves(rec(text, lang), "who", "destination")
    # "we" inside a quotation, the speaker named after it: the company moves
    assert movers("“We are moving our machines to Texas because power is cheap there,” "
                  "said Jane Doe, chief executive of Northwind Mining.", "en") == [("Northwind Mining", "US-TX")]
    # the quotation opens in the sentence before, after "قال <title> <company> <name>:"
    assert movers('قال رئيس شركة "هاش فارم" كريم سالم: “لم نعد نحتمل القيود. لهذا ننتقل إلى كازاخستان”.',
                  "ar") == [("هاش فارم", "KZ")]
    # no "we": the movers are who the quotation names, not the speaker
    assert movers("“Miners are moving to Texas,” said Jane Doe, an analyst at Northwind Research.",
                  "en") == [("Miners", "US-TX")]


def test_a_quotation_is_tied_to_its_speaker_only_within_reach():
    from ingest.components.events import QUOTE_REACH

    def actor(filler_sentences):
        text = ("Jane Doe, chief executive of Northwind Mining, said: “" + "Power is cheap here. " * filler_sentences
                + "That is why we are moving to Texas.”")
        [(who,)] = moves(rec(text, "en"), "who")
        return len(text), who

    assert actor(3)[1] == "Northwind Mining"  # the speaker before "said", then the quotation
    n, who = actor(QUOTE_REACH // 20)
    assert n > QUOTE_REACH and who is None  # a quotation opened too far back is not looked for


def test_arabic_subject_after_its_verb_and_kind_of_place_before_a_place():
    r = rec('بعد أن أمرت سلطات منغوليا الداخلية بإغلاق المناجم، نقلت شركة "بيت ماينرز" ألفي جهاز تعدين '
            "إلى ولاية تكساس الأميركية.", "ar")
    [(who, destination, quantity)] = moves(r, "who", "destination", "quantity")
    assert who == "بيت ماينرز"                         # "نقلت شركة X": the subject follows the verb
    assert destination == "US-TX"                      # "إلى ولاية تكساس"
    assert quantity == {"amount": 2000, "unit": "machines"}
    r = rec("Greenfield Mining moved its machines from the province of Sichuan to the state of Texas.", "en")
    assert moves(r, "origin", "destination") == [("CN-SC", "US-TX")]


def test_groups_of_movers_and_grid_orders():
    keys = ("actor", "origin", "destination")
    # the people move, the machines are moved
    r = rec("Some miners said they would relocate their rigs to neighbouring Albania.", "en")
    assert moves(r, *keys) == [("Some miners", None, "AL")]
    # a demonym among the movers' words says where they leave; "new homes" is where they go
    r = rec("Several Venezuelan operators said they were looking at Paraguay as new homes for their equipment.", "en")
    assert moves(r, *keys) == [("Several Venezuelan operators", "VE", "PY")]
    r = rec("وقال عدد من المشغلين الفنزويليين إنهم يدرسون الانتقال إلى باراغواي.", "ar")
    assert moves(r, *keys) == [("عدد من المشغلين الفنزويليين", "VE", "PY")]
    # an order to disconnect from the grid is a ban
    r = rec("أمرت وزارة الطاقة في فنزويلا الجمعة جميع مزارع تعدين العملات المشفرة بالانفصال عن الشبكة الوطنية.", "ar")
    assert [b["jurisdiction"] for b in r["events"] if b["type"] == "BAN"] == ["VE"]


def test_a_date_in_the_clause_of_the_ban_is_not_the_moves():
    def dates(text, lang):
        r = rec(text, lang, published="2021-07-02")
        return [(e["type"], e["date"]) for e in r["events"]]
    assert dates('بعد أن أمرت سلطات منغوليا الداخلية بإغلاق المناجم في أيار/مايو، نقلت شركة "بيت ماينرز" '
                 "أجهزتها إلى تكساس في حزيران/يونيو.", "ar") == [("BAN", "2021-05"), ("MIGRATION", "2021-06")]
    # the move says no date of its own
    assert dates("After Inner Mongolia ordered mines shut in May, Greenfield Mining moved its machines to Texas.",
                 "en") == [("BAN", "2021-05"), ("MIGRATION", None)]


def test_the_ban_named_again_is_no_new_ban_and_sites_in_a_place_are_where_moves_go():
    from kg.linking import link_record

    def told(text):
        r = rec(text, "en", published="2024-12-20")
        link_record(r)
        evs = {e["id"]: e for e in r["events"]}
        return ([(e["type"], e.get("jurisdiction") or e.get("destination")) for e in r["events"]],
                [(evs[k["from"]]["type"], evs[k["to"]]["destination"]) for k in r["links"]])
    # "The ban" tells the ban of the sentence before; the move follows that one
    assert told("Russia banned mining in Irkutsk. The ban prompted BitRiver to shift some clients "
                "to its sites in Ethiopia.") == ([("BAN", "RU-IRK"), ("MIGRATION", "ET")], [("BAN", "ET")])
    # "the ban on …" tells a ban of its own
    assert told("Russia banned mining in Irkutsk. The ban on mining in Dagestan followed in December.")[0] == [
        ("BAN", "RU-IRK"), ("BAN", "RU-DA")]
    assert told("Argo Blockchain is moving its servers from Bururi to a 395 MW site near Baku.")[0] == [
        ("MIGRATION", "AZ-BA")]  # the town stands for its province (destination_city Baku)


def test_where_the_movers_are_and_parts_of_places():
    keys = ("origin", "destination", "date", "quantity")
    # "في كرمان" after the move and before "إلى": where the firm works is where it leaves;
    # a year-like count ("2000 جهاز") is no date, so the move does not predate its ban
    r = rec("أمرت إيران في أيار/مايو 2021 بوقف التعدين. ونقلت شركة صينية تعمل في محافظة كرمان "
            "2000 جهاز إلى أرمينيا بعد القرار.", "ar", published="2021-06-22")
    assert moves(r, *keys) == [("IR-08", "AM", None, {"amount": 2000, "unit": "machines"})]
    assert not [e for e in r["entities"] if e["type"] == "DATE" and e["text"] == "2000"]
    from kg.linking import link_record
    assert [(l["from"], l["to"]) for l in link_record(r)] == [("v1", "v2")]
    # a part of a place between the preposition and the place
    r = rec("Hudson Hashing shipped its rigs from upstate New York to a site in Ohio.", "en")
    assert moves(r, "origin", "destination") == [("US-NY", "US-OH")]
    r = rec("نقل المعدنون أجهزتهم من جنوب الصين إلى شمال كازاخستان.", "ar")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]
    # a group's words keep no clitic: "للمعدنين" is "المعدنين"
    r = rec("أصبحت الكويت وجهة للمعدنين بعد الحظر في الصين.", "ar")
    assert [w for (w,) in moves(r, "who")] == ["المعدنين"]


def test_a_feature_of_the_land_is_no_person():
    r = rec("The plant near Seneca Lake, which burns gas, will keep its permit, Jane Carter said.", "en")
    people = {e["text"] for e in r["entities"] if e["type"] == "PERSON"}
    assert people == {"Jane Carter"}


def _bans(r):
    return [(b["jurisdiction"], b["date"], b["target"]) for b in r["events"] if b["type"] == "BAN"]


def juris(r):
    """The jurisdictions of a record's bans, in order."""
    return [j for j, _, _ in _bans(r)]


def test_standing_bans_datelines_and_bodies_of_a_country():
    # a ban told as a state: "has been illegal", "محظور"
    r = rec("Mining has been illegal in Libya since 2018 under a central bank decision.", "en")
    assert _bans(r) == [("LY", "2018", "mining")]
    r = rec("التعدين محظور في ليبيا منذ عام 2018 بقرار من المصرف المركزي.", "ar")
    assert _bans(r) == [("LY", "2018", "mining")]
    # the dateline's city is where the news was filed, not who banned
    r = rec("سوخومي - قررت حكومة أبخازيا حظر تعدين العملات المشفرة اعتبارا من 1 كانون الأول/ديسمبر.",
            "ar", published="2024-12-05")
    assert _bans(r) == [("GE-AB", "2024-12-01", "mining")]
    r = rec("TEHRAN (Wire) - The government ordered miners to halt operations.", "en")
    assert juris(r) == ["IR"]  # … unless nothing else says where
    # a country's own body, a weekday after it, and trading and mining banned together
    r = rec("صادق البرلمان الجزائري الاثنين على قانون يحظر تداول العملات المشفرة وتعدينها في الجزائر.",
            "ar", published="2025-07-15")
    assert [e["text"] for e in r["entities"] if e["type"] == "REGULATOR"] == ["البرلمان الجزائري"]
    assert _bans(r) == [("DZ", "2025-07-14", "mining")]


def test_more_ways_to_name_movers_and_places():
    keys = ("who", "origin", "destination")
    # a demonym spelled with hamza ("الجزائريين") gives the origin
    r = rec("وأفاد ناشطون بأن عددا من المعدنين الجزائريين بدأوا نقل أجهزتهم إلى تونس.", "ar")
    assert moves(r, *keys) == [("المعدنين الجزائريين", "DZ", "TN")]
    # "رجال أعمال" is a group, not a person; "قال آخرون إنهم" names nobody
    r = rec("وأكد رجال أعمال محليون أنهم نقلوا معداتهم إلى روسيا، فيما قال آخرون إنهم سينتظرون.", "ar")
    assert moves(r, *keys) == [("رجال أعمال محليون", None, "RU")]
    assert not [e for e in r["entities"] if e["type"] == "PERSON"]
    # "to Russia and the United States": both places
    r = rec("Many miners have moved on to Russia and the United States.", "en")
    assert moves(r, "destination") == [("RU",), ("US",)]


def test_lists_of_places_end_dates_and_words_that_look_like_moves():
    # the body's own place opens the list of places it speaks for
    r = rec("Since June, authorities in Sichuan, Inner Mongolia and Xinjiang have ordered mining "
            "farms to close.", "en", published="2021-09-28")
    assert juris(r) == ["CN-SC", "CN-NM", "CN-XJ"]
    # the date a ban ends is not its date when the sentence tells when it starts
    r = rec("حظرت روسيا التعدين في داغستان حتى آذار/مارس 2031 اعتبارا من 1 كانون الثاني/يناير 2025.",
            "ar", published="2024-12-20")
    assert _bans(r) == [("RU-DA", "2025-01-01", "mining")]
    # hash rate that leaves a country for others moves; a decision called "a move" does not
    r = rec("BEIJING - China banned mining in June. Much of the hashrate has left the country, "
            "most of it for the United States.", "en", published="2021-09-28")
    assert moves(r, "origin", "destination") == [("CN", "US")]
    r = rec("Sweden scrapped a tax break for data centres, a move aimed squarely at crypto miners.", "en")
    assert moves(r, "origin") == []
    r = rec("The hash rate moved higher after the halving.", "en")
    assert moves(r, "origin") == []
    # the words of a body's name are not the movers
    r = rec("وقال رئيس جمعية المعدنين إن نحو 87 ألف جهاز غادرت البلاد، معظمها إلى روسيا.", "ar")
    assert moves(r, "actor", "destination") == [(None, "RU")]


def test_arrivals_shipments_and_appositive_companies():
    keys = ("who", "origin", "destination")
    r = rec("وصلت أولى شحنات أجهزة التعدين القادمة من الصين إلى ولاية تكساس الأسبوع الماضي.", "ar")
    assert moves(r, "origin", "destination") == [("CN", "US-TX")]
    r = rec("وصل سعر بتكوين في الصين إلى ما يقرب من 65 ألف دولار.", "ar")  # a price reaches a figure
    assert moves(r, *keys) == []
    r = rec("Li Ming unplugged 5,000 machines at his farm. He packed them onto trucks bound for Xinjiang. "
            "Later he sold half of the rigs and flew the rest to Texas.", "en")
    assert [d for (d,) in moves(r, "destination")] == ["CN-XJ", "US-TX"]
    r = rec("Compute North, a US hosting firm, said it was full. Jane Carter, a miner from Ohio, said "
            "she had moved. \"We lost power,\" said Arman Ivanova, the company's operations director.", "en")
    assert {e["text"]: e["type"] for e in r["entities"] if e["type"] in ("COMPANY", "PERSON")} \
        == {"Compute North": "COMPANY", "Jane Carter": "PERSON", "Arman Ivanova": "PERSON"}
    r = rec("Ethiopia's state utility said it would stop signing new power contracts with bitcoin miners.",
            "en", published="2024-05-02")
    assert [(b["jurisdiction"], b["status"]) for b in r["events"] if b["type"] == "BAN"] == [("ET", "planned")]


def test_settling_decamping_named_people_and_caps_on_power():
    keys = ("who", "origin", "destination")
    # "استقر … في X" is an arrival; a ban told in the clause before keeps its own place
    r = rec("بعد ستة أشهر من قرار بكين حظر تعدين البتكوين، استقر كثير من المعدنين الصينيين في "
            "كازاخستان والولايات المتحدة، فيما توجه آخرون إلى روسيا.", "ar", published="2021-12-01")
    assert juris(r) == ["CN"]
    assert moves(r, *keys)[:2] == [("كثير من المعدنين الصينيين", "CN", "KZ"),
                                   ("كثير من المعدنين الصينيين", "CN", "US")]
    # "يدعى X Y": a person named without quotation marks, who moves what he says "he" moves
    r = rec("وقال معدن محلي يدعى رستم نظروف إنه سينقل أجهزته إلى قيرغيزستان المجاورة.", "ar")
    assert moves(r, *keys) == [("رستم نظروف", None, "KG")]
    # a cap on power is a ban; decamping is a move; "Russia's Irkutsk region" the place it names
    r = rec("A cap on power supplied to registered farms in Kazakhstan has pushed many operators to decamp.",
            "en", published="2022-09-12")
    assert juris(r) == ["KZ"] and moves(r, "origin") == [("KZ",)]
    r = rec("Xive said it had relocated operations to Russia's Irkutsk region in August.", "en")
    assert moves(r, "destination") == [("RU-IRK",)]


def test_a_town_after_in_is_no_person():
    r = rec("Riot Blockchain, based in Castle Rock, Colorado, said its site would grow. "
            "Speaking in Denver, Jane Carter said the plant would close.", "en")
    assert [e["text"] for e in r["entities"] if e["type"] == "PERSON"] == ["Jane Carter"]


def test_a_city_listed_with_provinces_stands_for_its_province():
    r = rec("Russia banned cryptocurrency mining in ten regions, including Dagestan, Chechnya and parts "
            "of Irkutsk, from January 1, 2025.", "en", published="2024-12-20")
    assert juris(r) == ["RU-DA", "RU-CE", "RU-IRK"]
    r = rec("حظرت روسيا التعدين في عشر مناطق بينها داغستان والشيشان وأجزاء من إيركوتسك.", "ar")
    assert juris(r) == ["RU-DA", "RU-CE", "RU-IRK"]  # "أجزاء من" is no origin
    r = rec("Russia banned mining in ten regions, among them Dagestan, Chechnya and Ingushetia.", "en")
    assert juris(r) == ["RU-DA", "RU-CE", "RU-IN"]
    r = rec("Beijing ordered a halt to mining.", "en")
    assert juris(r) == ["CN"]  # a city alone still stands for its country


def test_state_utilities_are_companies():
    r = rec("Tenaga Nasional said it had disconnected 3,400 premises used for illegal bitcoin mining in Perak.",
            "en", published="2024-07-03")
    assert [(e["type"], e.get("canonical")) for e in r["entities"] if e["text"] == "Tenaga Nasional"] \
        == [("COMPANY", "Tenaga Nasional")]
    assert juris(r) == ["MY-08"]


def test_passive_moves_asic_miners_and_a_ban_in_its_own_cue_clause():
    en = ("About 1,500 ASIC miners were shipped from Xinjiang to Georgia this month, the owner said, after "
          "local authorities in Xinjiang's Changji prefecture ordered all mining to stop in June.")
    ar = ("تم نقل نحو 1500 جهاز تعدين من شينجيانغ إلى جورجيا هذا الشهر، بحسب مالك المنشأة، بعد أن أمرت "
          "السلطات المحلية في محافظة تشانغجي بوقف جميع أنشطة التعدين في حزيران/يونيو. "
          "ومن المقرر نقل 3000 جهاز إضافي إلى جورجيا في أيلول/سبتمبر.")
    for text, lang in ((en, "en"), (ar, "ar")):
        r = rec(text, lang, published="2021-08-20")
        assert _bans(r) == [("CN-XJ", "2021-06", "mining")]  # the prefecture's province, the cue clause's date
        assert moves(r, "who", "origin", "destination", "date")[0] == (None, "CN-XJ", "GE", "2021-08")
    assert [m["status"] for m in r["events"] if m["type"] == "MIGRATION"] == ["completed", "planned"]


def test_dateline_dates_may_and_equipment_taken_across_a_border():
    r = rec("PRISTINA, June 1 - Kosovo has lifted the ban on cryptocurrency mining it imposed in January, "
            "the economy ministry said.", "en", published="2022-06-01")
    assert _bans(r) == [("XK", "2022-01", "mining")]  # not the dateline's June 1
    r = rec("SUKHUMI, May 18 - Abkhazia has extended its ban on cryptocurrency mining.", "en",
            published="2023-05-18")
    assert [b["status"] for b in r["events"] if b["type"] == "BAN"] == ["enacted"]  # "May" is no "may"
    r = rec("The grid operator cut off power to cryptocurrency miners in Mexico until the end of May, after "
            "blackouts. Regulators in Chile may ban mining.", "en", published="2023-05-18")
    assert [(b["jurisdiction"], b["status"]) for b in r["events"] if b["type"] == "BAN"] \
        == [("MX", "enacted"), ("CL", "planned")]
    r = rec("Some miners have taken their equipment across the Psou river into Russia's Krasnodar region.", "en")
    assert moves(r, "who", "destination") == [("Some miners", "RU-KDA")]
    r = rec("أعلنت وزارة الكهرباء والماء الكويتية أنها فصلت التيار عن 80 منزلا يشتبه في استخدامها لتعدين البتكوين.",
            "ar")
    assert juris(r) == ["KW"]


def test_barred_bans_agency_credits_datelines_and_second_thoughts():
    # a law that bars banning is no ban; an all-caps dateline city is no person
    r = rec("LITTLE ROCK, April 20 - Arkansas signed a law that bars local governments from banning "
            "cryptocurrency mining.", "en", published="2023-04-20")
    assert _bans(r) == [] and not [e for e in r["entities"] if e["type"] == "PERSON"]
    # firms that had planned sites in one place look at others instead
    r = rec("Several firms that had planned sites in New York, including Greenidge Generation, said they "
            "were now looking at Arkansas and Oklahoma instead.", "en")
    assert moves(r, "origin", "destination", "status") == [("US-NY", "US-AR", "planned"),
                                                           ("US-NY", "US-OK", "planned")]
    # the agency in the dateline's brackets is not who banned; "أمر" is a verb, not a name
    r = rec("طهران (رويترز) - أمر الرئيس الإيراني حسن روحاني الأربعاء بحظر تعدين العملات المشفرة.",
            "ar", published="2021-05-28")
    assert juris(r) == ["IR"]
    assert [e["text"] for e in r["entities"] if e["type"] == "PERSON"] == ["حسن روحاني"]


def test_arabic_moves_someone_will_try_are_planned():
    r = rec("وقال معدنون إنهم سيحاولون نقل أجهزتهم إلى كازاخستان أو بيعها.", "ar")
    assert moves(r, "destination", "status") == [("KZ", "planned")]


def test_relative_clauses_keep_their_dates_and_appositions_their_subject():
    r = rec("Kazakhstan, which took in tens of thousands of machines in 2021, cut power to miners in "
            "January after blackouts.", "en", published="2022-03-01")
    assert _bans(r) == [("KZ", "2022-01", "mining")]
    r = rec("إذ قطعت كازاخستان، التي استقبلت عشرات آلاف الأجهزة في 2021، الكهرباء عن المعدنين في "
            "كانون الثاني/يناير بعد انقطاعات واسعة.", "ar", published="2022-03-01")
    assert _bans(r) == [("KZ", "2022-01", "mining")]
    assert moves(r, "destination", "date") == [("KZ", "2021")]  # the clause's own move
    r = rec("Iran, another early destination, banned mining for four months.", "en", published="2022-03-01")
    assert juris(r) == ["IR"]


def test_a_second_arabic_destination_and_the_dateline_date_out_of_a_ban():
    r = rec("BEIJING, June 10 - Inner Mongolia launched a hotline to report illegal cryptocurrency mining, "
            "as the region steps up a campaign to close mines that it ordered shut in March.", "en",
            published="2021-06-10")
    assert _bans(r) == [("CN-NM", "2021-03", "mining")]
    r = rec("وقال مزودو خدمات التعدين في أوردوس إنهم نقلوا نحو 10 آلاف جهاز إلى شينجيانغ المجاورة وإلى سيتشوان.",
            "ar")
    assert [d for (d,) in moves(r, "destination")] == ["CN-XJ", "CN-SC"]
    assert not [e for e in r["entities"] if e["type"] == "PERSON"]


def test_clitic_before_the_article_and_the_ban_told_again_in_arabic():
    r = rec("حُظر التعدين في كوسوفو في كانون الثاني/يناير. وأضاف أن آخرين نقلوا معداتهم إلى مقدونيا الشمالية "
            "والجبل الأسود. وقال معدن من ميتروفيتسا طلب عدم ذكر اسمه: \"نقلت أجهزتي في الأسبوع الذي بدأ "
            "فيه الحظر\".", "ar", published="2022-02-15")
    assert [d for (d,) in moves(r, "destination")][:2] == ["MK", "ME"]  # "والجبل" keeps its article
    assert juris(r) == ["XK"]  # "بدأ فيه الحظر" is the ban told before
    assert not [e for e in r["entities"] if e["type"] == "PERSON"]


def test_a_demonym_names_the_banning_country_and_relative_moves_are_one():
    r = rec("DUBAI, May 26 (Wire) - Iranian President Hassan Rouhani on Wednesday announced a ban on "
            "cryptocurrency mining until Sept. 22.", "en", published="2021-05-27")
    assert juris(r) == ["IR"]  # not the dateline's Dubai
    r = rec("تستقبل كازاخستان موجة من معدني البتكوين الصينيين الذين فروا من حملة بكين.", "ar")
    assert moves(r, "who", "origin", "destination") == [("معدني البتكوين الصينيين", "CN", "KZ")]


def test_a_pause_on_new_hookups_is_a_ban_and_an_appositive_keeps_its_mover():
    r = rec("WINNIPEG, Nov 2 - Manitoba has imposed an 18-month pause on new electricity connections for "
            "crypto miners. The 12 miners already hooked up draw about 25 megawatts. Another applicant, "
            "Northern Rig Co, is moving its equipment to Texas.", "en", published="2022-11-02")
    assert juris(r) == ["CA-MB"]
    # "draw about 25 megawatts" draws no movers; the comma after the appositive is no clause
    assert moves(r, "who", "destination") == [("Northern Rig Co", "US-TX")]
    r = rec("When British Columbia froze new power hookups for crypto miners in December, the company "
            "trucked its machines to a site it leased near Calgary.", "en", published="2023-02-08")
    assert juris(r) == ["CA-BC"]
    assert moves(r, "destination", "destination_city") == [("CA-AB", "Calgary")]


def test_looking_at_a_place_and_the_relative_clause_after_it():
    r = rec("Another applicant is looking at Paraguay, where it says power costs a third of what it pays "
            "in Canada.", "en", published="2023-02-08")
    assert [d for (d,) in moves(r, "destination")] == ["PY"]  # not Canada
    r = rec("Regulators are looking at the figures.", "en")
    assert moves(r, "destination") == []


def test_movers_placed_by_a_relative_clause_leave_from_there_and_joined_origins():
    r = rec("Miners who relocated to Laos from Sichuan and Yunnan after the Chinese ban said they were "
            "weighing moves to Ethiopia.", "en", published="2025-01-15")
    assert sorted(moves(r, "origin", "destination")) == [("CN-SC", "LA"), ("CN-YN", "LA"), ("LA", "ET")]


def test_denied_moves_and_a_pronoun_destination_in_arabic():
    r = rec("ويقول محللون إن كازاخستان المجاورة لم تعد وجهة جذابة للمعدنين.", "ar")
    assert moves(r, "destination") == []
    r = rec("Most miners have not moved to Kazakhstan.", "en")
    assert moves(r, "destination") == []
    r = rec("وتستضيف النرويج عشرات من مراكز التعدين بعدما انتقل إليها معدنون من الصين.", "ar")
    assert moves(r, "origin", "destination") == [("CN", "NO")]


def test_arabic_names_stop_at_words_about_people():
    r = rec("وقال المتحدث باسم الوزارة أحمد موسى إن فرق الوزارة ضبطت 230 جهاز تعدين.", "ar")
    people = [e["text"] for e in r["entities"] if e["type"] == "PERSON"]
    assert people == ["أحمد موسى"]
    assert not [e for e in r["entities"] if e["type"] == "REGULATOR" and e["text"].startswith("الوزارة")]
    r = rec("أصدر الرئيس الأوزبكي شوكت ميرضيائيف مرسوما يلزم شركات التعدين باستخدام الطاقة الشمسية.", "ar")
    assert [e["text"] for e in r["entities"] if e["type"] == "PERSON"] == ["شوكت ميرضيائيف"]
    r = rec("وقال صاحب مزرعة يدعى تيمور عثمانوف إنه شحن 300 جهاز إلى روسيا.", "ar")
    assert [e["text"] for e in r["entities"] if e["type"] == "PERSON"] == ["تيمور عثمانوف"]
    r = rec("النرويج تقترح حظرا مؤقتا على مراكز تعدين البتكوين", "ar")
    assert [ev["status"] for ev in r["events"] if ev["type"] == "BAN"] == ["planned"]


def test_a_speaker_before_inna_is_not_the_mover_unless_a_pronoun_takes_it_up():
    r = rec("وقال مسؤول في شركة توانير الحكومية للكهرباء إن بعض المعدنين نقلوا أجهزتهم إلى أرمينيا.", "ar")
    assert moves(r, "who", "destination") == [("بعض المعدنين", "AM")]
    r = rec("وقال مسؤول في شركة \"أركتيك ماينينغ\" إن الشركة قد تنقل جزءا من عملياتها إلى السويد.", "ar")
    assert moves(r, "who", "destination") == [("أركتيك ماينينغ", "SE")]
    # (not where the speaker is listed: "المدرجة في بورصة ناسداك")
    r = rec("قالت شركة «فولتكس ماينينغ» لتعدين البيتكوين، المدرجة في بورصة ناسداك، إنها أنجزت نقل الجزء الأكبر "
            "من أسطولها من إقليم ألتو بارانا في باراغواي إلى إقليم أوروميا في إثيوبيا.", "ar")
    assert moves(r, "who", "origin", "destination") == [("فولتكس ماينينغ", "PY-10", "ET-OR")]


def test_an_arabic_subject_after_the_verb_takes_up_the_firm_or_the_one_named_before():
    # "the company" after the verb: the firm of the sentence before, not who spoke of it
    r = rec('تأسست شركة "نيك هش" في طهران عام 2018، كما يقول مديرها بهروز رستمي. '
            "وفي مطلع 2021 نقلت الشركة نحو 2500 جهاز إلى أرمينيا.", "ar")
    assert moves(r, "who", "destination") == [("نيك هش", "AM")]
    # no subject, only its machines: the one named before moves them, and leaves his seat
    r = rec("يدير المعدّن بهروز رستمي مزرعة في كرمان. بعد أسابيع من المداهمة، حمل ما تبقى من أجهزته إلى أرمينيا.", "ar")
    assert moves(r, "who", "origin", "destination") == [("بهروز رستمي", "IR-08", "AM")]
    # (another mover told after the verb is that mover)
    r = rec("يدير المعدّن بهروز رستمي مزرعة في كرمان. ونقل معدّن آخر أجهزته إلى أرمينيا.", "ar")
    assert moves(r, "who", "destination") == [("معدّن آخر", "AM")]


def test_frozen_applications_ban_and_a_place_set_against_the_destination_is_none():
    r = rec("Power is cheap in the United States. The Chelan County Public Utility District froze "
            "applications for new cryptocurrency loads in 2018.", "en", published="2022-08-03")
    assert juris(r) == ["US-WA"]
    r = rec("The city froze applications for new restaurants in 2018.", "en")
    assert juris(r) == []
    for text, lang, flow in (("Miners from Quebec moved their machines to Wyoming, not to Montana.", "en", ("CA-QC", "US-WY")),
                             ("Miners from Quebec moved their machines to Wyoming rather than Montana.", "en", ("CA-QC", "US-WY")),
                             ("نقل معدّن من الجيزة أجهزته إلى مدينة بنغازي في ليبيا، لا إلى السودان.", "ar", ("EG-GZ", "LY-BA"))):
        assert moves(rec(text, lang), "origin", "destination") == [flow], text


def test_power_cut_to_homes_is_rationing_not_a_ban():
    r = rec("داهمت الشرطة مزارع التعدين في زليتن. ولا علاقة للحملة بخطة طرح الأحمال التي تطبقها الشركة منذ الصيف، "
            "والتي يُقطع بموجبها التيار عن أحياء في طرابلس لمدة تصل إلى ست ساعات يومياً.", "ar")
    assert juris(r) == ["LY-MB"]
    r = rec("Police raided mining farms in Leposavic. KEDS has imposed rotating power cuts of up to six hours a "
            "day on households in Pristina since December.", "en")
    assert [e["trigger"]["text"] for e in r["events"] if e["type"] == "BAN"] == ["raided"]
    r = rec("The utility cut power to 40 mining farms in the Chuy region.", "en")
    assert juris(r) == ["KG-C"]


def test_cut_supplies_bans_and_a_clause_of_time_after_it_is_not_where():
    r = rec("That became clear in January 2022, when KEGOC, Kazakhstan's grid operator, cut supplies to "
            "registered mining farms for several weeks.", "en", "2023-01-15")
    assert juris(r) == ["KZ"]
    r = rec("Kazakhstan will keep electricity switched off for licensed cryptocurrency miners. KEGOC, the state grid "
            "operator, cut supplies to about 200 registered mining companies on Jan. 25, hours after an accident "
            "tripped power across southern Kazakhstan, Kyrgyzstan and Uzbekistan.", "en", "2022-02-01")
    assert set(juris(r)) == {"KZ"}
    assert juris(rec("The war cut supplies of food to the city of Kharkiv.", "en")) == []
    # ("the state grid operator" is no name: not China's State Grid)
    r = rec("Miners are everywhere in Kazakhstan. The state grid operator cut supplies to mining companies.", "en")
    assert "CN" not in juris(r)
    assert [e["text"] for e in rec("State Grid cut power to miners in Sichuan.", "en")["entities"]][:1] == ["State Grid"]
    # (a name with a capital inside it is still one: "8BTCnews")
    assert [e.get("canonical") for e in rec("8BTCnews reported that miners were leaving Sichuan.", "en")["entities"]][:1] == ["8BTC"]


def test_arabic_rationing_of_supplies_to_miners_bans():
    r = rec("ولم تكن كازاخستان نفسها بمنأى عن القيود؛ إذ فرضت السلطات في 2022 تقنيناً على إمداد المعدّنين من "
            "الشبكة الموحدة بعد أعطال متكررة.", "ar", "2023-01-12")
    assert juris(r) == ["KZ"]
    r = rec('ومع نهاية ٢٠٢١ بدأت شركة تشغيل الشبكة في كازاخستان "كيغوك" بتقنين الإمدادات للمزارع المسجلة.', "ar", "2023-01-12")
    assert juris(r) == ["KZ"]
    assert juris(rec("بدأت الحكومة المصرية بترشيد استهلاك المياه في الزراعة.", "ar")) == []


def test_a_ban_denied_by_its_verb_is_no_ban():
    for text, lang in (("Tunisia has not imposed a ban on crypto mining.", "en"),
                       ("Tunisian law contains no explicit ban on crypto mining.", "en"),
                       ("لم تفرض تونس حظراً على التعدين.", "ar"),
                       ("لا تتضمن التشريعات التونسية حظرا صريحا على التعدين.", "ar"),
                       ("لكن السلطات التونسية لم تعلن حتى الآن حملات على التعدين.", "ar")):
        assert juris(rec(text, lang)) == [], text
    assert juris(rec("فرضت تونس حظراً على التعدين.", "ar")) == ["TN"]
    assert juris(rec("Tunisia imposed a ban on crypto mining.", "en")) == ["TN"]


def test_a_demonym_on_the_ban_names_it_before_the_places_that_follow():
    r = rec("بعد الحظر الصيني: أجهزة تشينغهاي في إثيوبيا ومزارع منغوليا الداخلية في تكساس", "ar")
    assert juris(r) == ["CN"]
    r = rec("فرضت السلطات الكويتية حظراً على التعدين في منطقة الوفرة.", "ar")
    assert juris(r) == ["KW-AH"]  # (the place inside its country it applies to)


def test_a_power_company_is_never_the_mover():
    # (the utility the sentence before named is not who "it" is, nor the subject of the move)
    r = rec("ANDE cut power to the farm in Hernandarias last month. It shipped 1,200 machines to Uruguay.", "en")
    assert moves(r, "who", "destination") == [(None, "UY")]
    r = rec("Hydro-Quebec said miners had moved 300 megawatts to Alberta.", "en")
    assert [w for w, in moves(r, "who")] != ["Hydro-Québec"]
    r = rec("Tapé Digital, a client of ANDE, shipped 1,200 machines to Uruguay.", "en")
    assert moves(r, "who", "destination") == [("Tapé Digital", "UY")]


def test_a_utility_refusing_new_contracts_bans_and_an_indefinite_subject_is_nobody_named():
    r = rec("REYKJAVIK, Feb 19 - Iceland's national power company Landsvirkjun said it would not sign new "
            "contracts with cryptocurrency miners. Genesis Digital, which operates data centres near "
            "Reykjavik, said it was moving some of its capacity to Norway. A smaller operator said it had "
            "shipped 800 machines to Texas.", "en", published="2024-02-19")
    assert juris(r) == ["IS"]
    assert moves(r, "who", "origin", "destination", "status") == [
        ("Genesis Digital", "IS-1", "NO", "in_progress"), (None, None, "US-TX", "completed")]
    assert [e["type"] for e in r["entities"] if e["text"] == "Genesis Digital"] == ["COMPANY"]
    r = rec("وأعلنت الحكومة الإثيوبية أنها لن تمنح تراخيص جديدة لمزارع التعدين.", "ar")
    assert juris(r) == ["ET"]


def test_georgia_among_us_states_and_a_company_that_is_which():
    r = rec("Rigs are bound for states such as Texas, Kentucky and Georgia. Compute North, which runs "
            "hosting sites in Nebraska, said orders doubled. Others went to Georgia and Armenia.", "en")
    places = [(e["text"], e["canonical"]) for e in r["entities"] if e["type"] in ("PROVINCE", "COUNTRY")]
    assert ("Georgia", "US-GA") in places and ("Georgia", "GE") in places
    assert [e["type"] for e in r["entities"] if e["text"] == "Compute North"] == ["COMPANY"]


def test_the_movers_place_before_them():
    r = rec("Kazakhstan's grey miners head for Russia", "en")
    assert moves(r, "origin", "destination") == [("KZ", "RU")]


def test_common_arabic_words_are_no_places():
    # "بيان" (a statement) is ب + "يآن" (Ya'an); the others are adjectives and nouns that
    # name provinces only with their type word ("محافظة الشرقية")
    r = rec("أعلنت الوزارة في بيان أن كيان الشركة في المنطقة الشرقية والجنوبية والوسطى لم يتغير، "
            "وقالت الداخلية إن البحيرة والجزيرة والساحل والعاصمة والمركز بلا كهرباء منذ الآن.", "ar")
    assert [e["text"] for e in r["entities"] if e["type"] in ("COUNTRY", "PROVINCE", "CITY", "REGION")] == []


def test_wire_datelines_of_two_cities_or_none_and_a_ban_told_as_background():
    r = rec("ALMATY/LONDON, Jan 5 (Wire) - An internet shutdown in Kazakhstan knocked 12% of the bitcoin "
            "network offline, since China banned mining last year.", "en", published="2022-01-05")
    assert juris(r) == ["CN"]  # not London, not the internet shutdown
    r = rec("April 12 (Wire) - Nearly a year after Beijing outlawed crypto mining, the United States has "
            "become the top destination for the machines that left China.", "en", published="2022-04-12")
    assert [d for j, d, _ in _bans(r)] == [None]  # the ban came before the news: not its date
    assert moves(r, "origin", "destination") == [("CN", "US")]  # not the after-clause's Beijing


def test_moving_there_opening_a_site_and_we_will_go():
    r = rec("Kazakhstan became a mining hub when Chinese miners moved there in droves in 2021. Poolin "
            "opened a site in Russia.", "en", published="2022-01-05")
    assert moves(r, "who", "origin", "destination") == [("Chinese miners", "CN", "KZ"), ("Poolin", None, "RU")]
    r = rec('"We will probably go to Kazakhstan," said one operator.', "en")
    assert moves(r, "destination", "status") == [("KZ", "planned")]
    r = rec('وقال أحد المشغلين في ليشان: "سنذهب على الأرجح إلى كازاخستان".', "ar")
    assert moves(r, "origin", "destination", "status") == [("CN-SC", "KZ", "planned")]  # Leshan


def test_a_ban_by_it_goes_to_the_body_told_before_and_attraction_by_its_power():
    r = rec("The government of Kazakhstan has since blamed the miners for power shortages. In November it "
            "cut supply to mining farms during peak hours.", "en", published="2022-01-05")
    assert [(j, d) for j, d, _ in _bans(r)] == [("KZ", "2021-11")]
    r = rec("Sichuan is the second-largest mining region in China. In the rainy season its surplus "
            "hydropower draws miners from Xinjiang to Sichuan.", "en")
    assert moves(r, "origin", "destination") == [("CN-XJ", "CN-SC")]


def test_arabic_titles_of_women_a_title_s_place_and_words_that_end_a_body_s_name():
    r = rec("وقعت حاكمة ولاية نيويورك كاثي هوكول على القانون. وقالت شركات تعدين إنها قد تنقل مشروعاتها "
            "إلى تكساس.", "ar")
    assert [e["text"] for e in r["entities"] if e["type"] == "PERSON"] == ["كاثي هوكول"]
    assert moves(r, "who", "destination") == [("شركات تعدين", "US-TX")]
    r = rec("أصدرت لجنة التنمية في سيتشوان ومكتب الطاقة فيها إشعارا يأمر بوقف التعدين.", "ar")
    assert "ومكتب الطاقة" in [e["text"] for e in r["entities"] if e["type"] == "REGULATOR"]
    r = rec("نقل المعدنون أجهزتهم من بولاية واشنطن إلى تكساس.", "ar")  # "ولاية" is no clitic + "إيه"
    assert moves(r, "origin", "destination") == [("US-WA", "US-TX")]


def test_new_places_a_national_body_acting_in_a_town_or_sitting_there_and_past_qad():
    r = rec("وقالت الوزارة إن صاحب المزرعة كان قد نقل أجهزته من محافظة الإسكندرية إلى الجيزة.", "ar")
    assert moves(r, "origin", "destination", "status") == [("EG-ALX", "EG-GZ", "completed")]
    r = rec("وأضاف أن عددا من المعدنين نقلوا أجهزتهم من البصرة إلى إقليم كردستان.", "ar")
    assert moves(r, "origin", "destination") == [("IQ-BA", "IQ-KR")]  # from the town of Basra
    r = rec("Miners in the Chui region shipped machines to Navoi Region, Uzbekistan.", "en")
    assert moves(r, "origin", "destination") == [("KG-C", "UZ-NW")]
    r = rec("أعلنت وزارة الكهرباء والماء الكويتية أنها فصلت التيار عن 80 منزلا في منطقة الوفرة "
            "لتعدين البتكوين.", "ar")
    assert juris(r) == ["KW-AH"]  # the town is where: its province
    r = rec("That month the State Council in Beijing said it would crack down on bitcoin mining.", "en")
    assert juris(r) == ["CN"]  # the town a national body sits in: its country
    r = rec("أما في بغداد، فيحظر البنك المركزي العراقي منذ 2017 تعدين العملات الرقمية.", "ar")
    assert juris(r) == ["IQ"]
    r = rec("The dam on the Blue Nile sells power to miners.", "en")
    assert not [e for e in r["entities"] if e["type"] == "PERSON"]


def test_a_ban_that_pushed_movers_out_and_bans_that_were_not_made():
    r = rec("China's crackdown pushed miners to Kazakhstan.", "en")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]
    r = rec("Beijing's ban drove many miners to Texas.", "en")
    assert moves(r, "origin", "destination") == [("CN", "US-TX")]
    r = rec("The ban pushed miners to Kazakhstan.", "en")
    assert _bans(r) == [] and moves(r, "destination") == [("KZ",)]
    for text in ("Norwegian lawmakers on Thursday voted down a proposal by the Red Party to ban crypto mining.",
                 "Lawmakers in Texas considered a bill to ban mining but it failed.",
                 "Sweden's Financial Supervisory Authority called for an EU-wide ban on proof-of-work mining."):
        assert _bans(rec(text, "en")) == [], text
    r = rec("CHENGDU, June 21 - Sichuan ordered miners to shut, after the State Council called for a "
            "crackdown on bitcoin mining in May.", "en")
    assert sorted(juris(r)) == ["CN", "CN-SC"]  # a government's own call is its order
    r = rec("Some miners relocated to Buryatia, which has not imposed restrictions on mining.", "en")
    assert _bans(r) == []


def test_enforcement_licences_refused_and_more_ways_to_ban_and_move():
    r = rec("Police in Egypt confiscated crypto mining rigs. Kuwaiti police seized 1,000 mining machines.", "en")
    assert juris(r) == ["EG", "KW"]
    r = rec("Police said they had seized more than 2,000 mining devices since January.", "en")
    assert _bans(r) == []  # no place told: no ban
    r = rec("ضبطت الأجهزة الأمنية في محافظة الجيزة مزرعة لتعدين العملات المشفرة.", "ar")
    assert juris(r) == ["EG-GZ"]  # enforced in Giza
    r = rec("Police in Sarawak raided three cryptocurrency mines.", "en")
    assert juris(r) == ["MY-13"]
    r = rec("داهمت الشرطة مزارع تعدين العملات المشفرة في طنطا.", "ar")
    assert juris(r) == ["EG-GH"]  # the town's province
    for text, j in (("Thailand refused licences to crypto miners.", "TH"),
                    ("No new licences for crypto mining will be granted in Laos, the energy ministry said.", "LA"),
                    ("Chinese regulators pulled the plug on bitcoin miners in June.", "CN"),
                    ("Beijing declared all cryptocurrency transactions illegal in September.", "CN")):
        assert [b for b, _, _ in _bans(rec(text, "en"))] == [j], text
    r = rec("رفضت كازاخستان منح تراخيص جديدة لمزارع التعدين.", "ar")
    assert juris(r) == ["KZ"]
    r = rec("Bitdeer sought refuge in Texas after Chinese authorities pulled the plug on bitcoin mining in June.", "en")
    assert moves(r, "who", "origin", "destination") == [("Bitdeer", "CN", "US-TX")]
    r = rec("Penguin Group is bringing 20 megawatts of machines from the United States to Paraguay. "
            "Thousands of rigs were trucked across the border into Kazakhstan.", "en")
    assert moves(r, "who", "origin", "destination") == [("Penguin Group", "US", "PY"), ("rigs", None, "KZ")]
    r = rec("Wyoming and Tennessee have rolled out the welcome mat, with lawmakers promising clear rules.", "en")
    assert moves(r, "destination") == []


def test_the_dates_of_a_ban_are_not_its_deadline_nor_another_event_s():
    r = rec("Sichuan ordered miners to shut down by Sunday. BIT Mining moved 320 machines to Kazakhstan "
            "on Saturday.", "en", published="2021-06-22")
    assert [d for _, d, _ in _bans(r)] == [None]
    r = rec("Many of the Chinese firms arrived in Ethiopia in 2022 and 2023 after their home country banned "
            "the industry.", "en", published="2024-02-06")
    assert [d for _, d, _ in _bans(r)] == [None]
    r = rec("Manitoba announced an 18-month pause on new crypto connections in November, and British "
            "Columbia followed with a similar suspension in December.", "en", published="2023-03-14")
    assert _bans(r) == [("CA-MB", "2022-11", "mining"), ("CA-BC", "2022-12", "mining")]


def test_more_arabic_ways_to_ban():
    for text, want in (("علقت كازاخستان إمداد مزارع التعدين بالكهرباء.", ["KZ"]),
                       ("علّقت حكومة مانيتوبا ربط مشاريع تعدين العملات المشفرة بالشبكة.", ["CA-MB"]),
                       ("ضيّقت كازاخستان الخناق على المعدنين.", ["KZ"]),
                       ("وسبق أن أوقفت منغوليا الداخلية وشينجيانغ وتشينغهاي عمليات التعدين.", ["CN-NM", "CN-XJ", "CN-QH"]),
                       ("أعلنت منغوليا الداخلية أنها ستغلق جميع مشاريع التعدين.", ["CN-NM"]),
                       ("أقرت الحكومة الأنغولية قانوناً يجرم تعدين العملات المشفرة.", ["AO"]),
                       ("حظر المصرف المركزي الليبي تعدين العملات المشفرة.", ["LY"]),
                       ("ويأتي القرار بعد تعهد مجلس الدولة الصيني في أيار/مايو \"بقمع\" تعدين العملات المشفرة.", ["CN"]),
                       ("وفي مدينة ماراكايبو تسببت الانقطاعات المتكررة للتيار في توقف مزارع عدة لتعدين البتكوين.", [])):
        assert [j for j, _, _ in _bans(rec(text, "ar"))] == want, text
    r = rec("أصبحت ولاية تكساس الوجهة الأولى لمعدني بيتكوين الذين طردتهم حملة بكين.", "ar")
    assert juris(r) == ["CN"] and moves(r, "destination") == [("US-TX",)]


def test_more_arabic_moves_and_their_places():
    for text, want in (
            ("وأعلنت شركة \"بيت ماينينغ\" المدرجة في نيويورك أنها ستنقل 320 جهازاً إلى كازاخستان.", [(None, "KZ")]),
            ("وأوضح أن 25 شركة تعدين تعمل حالياً في إثيوبيا، معظمها انتقل من الصين.", [("CN", "ET")]),
            ("لجأ المعدنون إلى روسيا هرباً من القيود في كازاخستان.", [("KZ", "RU")]),
            ("تسعى شركة \"بيتريفر\" الروسية إلى التوسع في مقاطعة إيركوتسك.", [(None, "RU-IRK")]),
            ("يتوافد معدنو العملات المشفرة على قرغيزستان.", [(None, "KG")])):
        assert moves(rec(text, "ar"), "origin", "destination") == want, text
    for text, status in (("ما دفع بعض المشغلين إلى التفكير في الانتقال إلى إثيوبيا.", "planned"),
                         ("وأعرب بعض المستثمرين عن نيتهم نقل معداتهم إلى ناميبيا.", "planned"),
                         ("تحولت باراغواي إلى وجهة للمعدنين الذين غادروا الصين.", "completed")):
        assert [s for (s,) in moves(rec(text, "ar"), "status")] == [status], text


def test_people_after_titles_and_bodies_named_like_places():
    r = rec("Russian President Vladimir Putin said the ban would stay. Gov. Greg Abbott welcomed miners. "
            "\"It will stay,\" Interior Minister Mark Smith said.", "en")
    assert [e["text"] for e in r["entities"] if e["type"] == "PERSON"] == ["Vladimir Putin", "Greg Abbott", "Mark Smith"]
    r = rec("Bitcoin miner Compute North, which relocated its headquarters to Texas, filed for bankruptcy. "
            "The Lao Ministry of Energy and Mines said no new licences would be granted for crypto mining.", "en")
    assert [(e["type"], e["text"]) for e in r["entities"] if e["type"] in ("COMPANY", "REGULATOR")] == [
        ("COMPANY", "Compute North"), ("REGULATOR", "Lao Ministry of Energy and Mines")]
    for text, want in (("وقال رجل الأعمال خوان دياز إن المعدنين غادروا.", ["خوان دياز"]),
                       ("وقال مدير منجم في المنطقة إن المعدنين غادروا.", []),
                       ("وقال قائد شرطة مدينة ميري، حاكيمي إسماعيل، إن المعدنين غادروا.", ["حاكيمي إسماعيل"]),
                       ("وقال الخبير الاقتصادي محمد العلي لـ\"سكاي نيوز عربية\" إن المعدنين غادروا.", ["محمد العلي"]),
                       ("وصرح وزير الطاقة بولات أكشولاكوف للصحفيين بأن المعدنين غادروا.", ["بولات أكشولاكوف"]),
                       ("وأوضح المدير التنفيذي للشركة أشبير بالشا أن المعدنين غادروا.", ["أشبير بالشا"]),
                       ("صاحب المزرعة، وهو رجل أعمال، نقل أجهزته.", [])):
        assert [e["text"] for e in rec(text, "ar")["entities"] if e["type"] == "PERSON"] == want, text
    r = rec("قالت شركة \"مانيتوبا هايدرو\" إن الطلب ارتفع.", "ar")
    assert [(e["type"], e["text"]) for e in r["entities"]] == [("COMPANY", "مانيتوبا هايدرو")]
    r = rec("طهران - (الشرق الأوسط) أعلنت السلطات الإيرانية وقف تعدين العملات المشفرة في الشرق الأوسط.", "ar")
    assert [(e["type"], e.get("canonical")) for e in r["entities"] if "الشرق" in e["text"]] == [
        ("ORGANIZATION", "Asharq Al-Awsat"), ("REGION", "Middle East")]


def test_where_machines_go_written_the_us_way_and_to_a_site():
    for text, want in (("The firm moved to neighbouring Texas.", [(None, "US-TX")]),
                       ("Some miners have relocated to industrial parks in Krasnoyarsk Krai.", [(None, "RU-KYA")]),
                       ("The firm moved its rigs to data centres in Texas.", [(None, "US-TX")]),
                       ("Greenidge is moving machines from its New York site to its South Carolina facility.",
                        [("US-NY", "US-SC")]),
                       ("Hut 8 moved 2,000 machines from Alberta to its Ontario site.", [("CA-AB", "CA-ON")]),
                       ("The miner moved 5,000 rigs to Calvert City, Ky., last year.", [(None, "US-KY")]),
                       ("Miners have settled in Dalton, Georgia.", [(None, "US-GA")]),
                       # two known towns in a row: the second is no state the first is "in"
                       ("For operators in Usolye-Sibirskoye, Cheremkhovo and the Irkutsk suburbs, the decree "
                        "means either idling or moving.", [("RU-IRK", None)])):
        assert moves(rec(text, "en"), "origin", "destination") == want, text
    r = rec("Plattsburgh, N.Y., imposed an 18-month moratorium on crypto mining.", "en")
    assert juris(r) == ["US-NY"]
    r = rec("A cap on power supplied to registered farms in Kazakhstan has pushed many operators to decamp.", "en")
    assert juris(r) == ["KZ"]  # "(power) to farms in X" is no destination
    r = rec("Kutaisi, Georgia - Miners moved from China to Georgia and Armenia.", "en")
    assert ("GE", "Georgia") in [(e.get("canonical"), e["text"]) for e in r["entities"]]


def test_round_two_denials_earlier_moves_and_whose_ban_pushes():
    r = rec("Kazakhstan cut power to miners. Xive denied reports that it would relocate to Russia. Hut 8 said "
            "it does not plan to move operations out of Canada. BIT Mining said it had no plans to relocate "
            "machines to Ethiopia.", "en")
    assert moves(r, "destination") == []
    assert _bans(rec("Neither Sweden nor Norway has banned mining.", "en")) == []
    r = rec("Sichuan banned mining in June 2021. BIT Mining moved machines to Kazakhstan. Canaan had moved "
            "to Kazakhstan in 2020, before the crackdown.", "en", published="2022-06-20")
    assert len(moves(r, "destination")) == 2  # the earlier move is another move
    r = rec("After China's crackdown, Texas became the single largest mining hub. New York's moratorium "
            "sends miners south to Georgia and Kentucky.", "en")
    assert juris(r) == ["CN", "US-NY"]
    assert moves(r, "origin", "destination") == [("US-NY", "US-GA"), ("US-NY", "US-KY")]
    r = rec("Russia's government banned mining in ten regions, including Dagestan, Chechnya and parts of "
            "Irkutsk.", "en")
    assert sorted(juris(r)) == ["RU-CE", "RU-DA", "RU-IRK"]
    r = rec("Kazakhstan banned mining. The move — the largest since 2021 — has pushed up the price of "
            "second-hand rigs in Saudi Arabia.", "en")
    assert moves(r, "destination") == []


def test_round_two_arabic_bans_people_and_back_references():
    for text, want in (
            ("يدير لي وانغ مزرعة في مقاطعة سيتشوان. وفي الثامن عشر من حزيران/يونيو، أمرت السلطات في المقاطعة "
             "جميع مشاريع التعدين بالتوقف.", ["CN-SC"]),
            ("تقطع كازاخستان الكهرباء عن مزارع تعدين العملات المشفرة اعتباراً من الاثنين.", ["KZ"]),
            ("تمكنت الأجهزة الأمنية بوزارة الداخلية المصرية من ضبط 30 جهازاً لتعدين العملات المشفرة.", ["EG"]),
            ("لا يُسمح في مصر بتعدين العملات المشفرة دون ترخيص من البنك المركزي.", ["EG"]),
            ("ثم جاءت كازاخستان، التي استقبلت جزءاً كبيراً من المعدنين الصينيين، لتفرض في كانون الثاني/يناير "
             "قيوداً مشددة على إمدادات الكهرباء للمزارع.", ["KZ"])):
        assert [j for j, _, _ in _bans(rec(text, "ar", published="2022-02-03"))] == want, text
    for text, want in (("ويرى الخبير الاقتصادي وائل النحاس أن المعدنين غادروا.", ["وائل النحاس"]),
                       ("وقال المحلل المالي السعودي محمد الشميمري إن المعدنين غادروا.", ["محمد الشميمري"]),
                       ("وقال الخبير أحمد الشمري لوكالة فرانس برس إن المعدنين غادروا.", ["أحمد الشمري"])):
        assert [e["text"] for e in rec(text, "ar")["entities"] if e["type"] == "PERSON"] == want, text
    r = rec("قبل أن تشن وزارة الداخلية حملات على مزارع التعدين.", "ar")
    assert [e["text"] for e in r["entities"] if e["type"] == "REGULATOR"] == ["وزارة الداخلية"]


def test_more_english_ways_to_move_and_quotations_that_are_no_names():
    r = rec("The firm could relocate up to 50,000 rigs to the United States. He took his rigs to Serbia. "
            "Others set up in Laos. Thousands of machines were imported from China into Kazakhstan. The "
            "Dominican Republic faced power cuts and high import prices.", "en")
    assert [(o, d) for o, d in moves(r, "origin", "destination")] == [
        (None, "US"), (None, "RS"), (None, "LA"), ("CN", "KZ")]
    r = rec("وقال المدير التنفيذي لشركة \"بيتريفر\" إيغور رونيتس إن الشركة \"لن تتأثر كثيراً\".", "ar")
    assert [(e["type"], e["text"]) for e in r["entities"]] == [("COMPANY", "بيتريفر"), ("PERSON", "إيغور رونيتس")]


def test_round_three_appositions_other_destinations_orders_and_names():
    r = rec("Iran banned mining. Miners have few options left, said one consultant in Tehran.", "en")
    assert moves(r, "destination") == []
    r = rec("Iran banned mining. \"We sent 300 machines to Armenia, and now we are looking at Iraqi Kurdistan,\" "
            "said Reza, a miner in Isfahan.", "en")
    assert moves(r, "destination") == [("AM",), ("IQ-KR",)]  # not Isfahan, where the speaker is
    r = rec("ASUNCION - Miners are arriving in Paraguay after China's ban on mining.", "en")
    assert moves(r, "origin", "destination") == [("CN", "PY")]  # not the dateline's Asuncion
    r = rec("بعد حظر بكين، تستقبل تكساس معدني البيتكوين.", "ar")
    assert moves(r, "origin", "destination") == [("CN", "US-TX")]
    r = rec("قطعت كازاخستان الكهرباء عن مزارع التعدين، ما دفع كثيرين إلى البحث عن وجهة أخرى.", "ar")
    assert [d for (d,) in moves(r, "destination")] in ([], [None])  # another destination: not Kazakhstan
    r = rec("Kazakhstan cut power to miners. \"Some have gone to Russia, some to the United States,\" said "
            "Didar Bekbau. Neighbouring Kyrgyzstan has seen an influx of machines since the cuts.", "en")
    assert [d for (d,) in moves(r, "destination")] == ["RU", "US", "KG"]
    r = rec("BIT Mining said it had shipped 320 machines to Kazakhstan and planned to move more capacity "
            "to North America.", "en")
    assert [(m["destination"], m["status"], m["quantity"]) for m in r["events"] if m["type"] == "MIGRATION"] == [
        ("KZ", "completed", {"amount": 320, "unit": "machines"}), ("North America", "planned", None)]
    for text, want in (("Officials in Qinghai and Yunnan issued their own orders against bitcoin mining.",
                        ["CN-QH", "CN-YN"]),
                       ("Inner Mongolia gave bitcoin miners two months to leave.", ["CN-NM"])):
        assert [j for j, _, _ in _bans(rec(text, "en"))] == want, text
    for text, want in (("وقال عبد الرحمن حسن إن المعدنين غادروا.", ["عبد الرحمن حسن"]),
                       ("أعلن الرئيس السابق حسن روحاني حظر تعدين العملات المشفرة.", ["حسن روحاني"])):
        assert [e["text"] for e in rec(text, "ar")["entities"] if e["type"] == "PERSON"] == want, text
    r = rec("DALTON, Georgia - Miners have settled here.", "en")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "Georgia"] == ["US-GA"]


def test_round_three_lists_of_places_authorities_inside_a_country_and_a_destination_that_was():
    r = rec("أمرت السلطات في إقليم سيتشوان جنوب غرب الصين بوقف جميع مشاريع تعدين العملات المشفرة.", "ar")
    assert juris(r) == ["CN-SC"]
    r = rec("Chinese miners have headed to the US, Canada and Kazakhstan since the crackdown on bitcoin mining.", "en")
    assert [d for (d,) in moves(r, "destination")] == ["US", "CA", "KZ"]
    r = rec("China banned bitcoin mining. Some miners moved machines from China to facilities near Abilene, "
            "Texas, and others went to Russia.", "en")
    assert moves(r, "destination", "destination_city") == [("US-TX", "Abilene"), ("RU", None)]
    r = rec("Miners went to court over the ban on bitcoin mining.", "en")
    assert moves(r, "destination") == []
    r = rec("China banned bitcoin mining. New York has been a destination too.", "en")
    assert moves(r, "destination", "status") == [("US-NY", "completed")]


def test_round_four_a_speaker_from_a_place_the_ban_told_elsewhere_and_two_provinces_orders():
    r = rec("\"We moved half of our machines to Texas,\" said Li Ming, a miner from Sichuan.", "en")
    assert moves(r, "origin", "destination") == [("CN-SC", "US-TX")]  # "from": where he comes from
    r = rec("وقال لي مينغ، وهو معدن من سيتشوان نقل نصف أجهزته إلى تكساس.", "ar")
    assert moves(r, "origin", "destination") == [("CN-SC", "US-TX")]
    r = rec("The United States was a destination for bitcoin miners.\n\n\"We never expected the ban to be "
            "permanent,\" said a miner in Texas.", "en")
    assert _bans(r) == []  # "the ban", told elsewhere, is no new ban in Texas
    r = rec("أمرت سيتشوان بإغلاق المزارع.\n\nولم تكن الولايات المتحدة الوجهة الوحيدة، فقد شحن معدنون أجهزتهم إلى "
            "كندا.\n\nوقال لي مينغ، وهو معدن من سيتشوان نقل نصف أجهزته إلى تكساس: \"لم نكن نتوقع أن يكون "
            "الحظر نهائياً\".", "ar")
    assert juris(r) == ["CN-SC"]
    r = rec("Inner Mongolia gave miners two months to leave, and Xinjiang issued a similar order on bitcoin "
            "mining. Prosecutors said they had shut down 13 unregistered mining sites in the Karaganda region.", "en")
    assert juris(r) == ["CN-NM", "CN-XJ", "KZ-35"]
    r = rec("منحت منغوليا الداخلية المعدنين في أيار/مايو مهلة شهرين للمغادرة.", "ar")
    assert juris(r) == ["CN-NM"]


def test_round_four_partners_there_and_arabic_narrators():
    r = rec("Kazakhstan cut power to miners. Enegix said it had sent around 10,000 rigs to a partner in Texas.", "en")
    assert moves(r, "who", "destination") == [("Enegix", "US-TX")]
    r = rec("BIT Mining said it would invest $25 million in a facility in Kazakhstan and had already shipped "
            "320 machines there.", "en")
    assert moves(r, "origin", "destination") == [(None, "KZ")]
    r = rec("ويروي المعدن وانغ جيان أنه نقل أجهزته إلى كازاخستان. وذكر تاجر معدات في تبريز أن الطلب تراجع.", "ar")
    assert [e["text"] for e in r["entities"] if e["type"] == "PERSON"] == ["وانغ جيان"]


def test_an_extracted_doc_is_freed_without_the_cyclic_collector():
    # the components' caches hold Spans and every Span holds its Doc: unless extract()
    # breaks those cycles, each article's Doc lives until the collector's rare full pass
    # (a long ingest grew by about 10 MB per 1,000 articles)
    import gc

    from spacy.tokens import Doc

    def live_docs():
        return sum(isinstance(o, Doc) for o in gc.get_objects())

    texts = {"en": "China banned bitcoin mining in June 2021. BIT Mining moved 320 machines "
                   "from Sichuan to Kazakhstan.",
             "ar": "حظرت الصين تعدين البيتكوين في حزيران/يونيو 2021 ونقلت شركة بيت مايننغ "
                   "320 آلة من سيتشوان إلى كازاخستان."}
    for lang, text in texts.items():
        rec(text, lang)  # pipeline built, caches warm
        gc.collect()
        gc.disable()
        try:
            before = live_docs()
            r = [rec(text, lang) for _ in range(5)]
            assert live_docs() == before, lang
        finally:
            gc.enable()
        assert any(e["type"] == "MIGRATION" for e in r[-1]["events"]), lang


from kg.linking import link_record  # noqa: E402


def bans(r):
    return sorted(e["jurisdiction"] for e in r["events"] if e["type"] == "BAN")


def test_arabic_mining_words_are_read_folded():
    # a shadda ("المعدّنين") or a ta marbuta ("المشفرة") must not hide that a ban is about mining
    assert bans(rec("أعلنت إثيوبيا وقف تزويد المعدّنين بالكهرباء.", "ar")) == ["ET"]
    assert bans(rec("أعلنت إثيوبيا وقف تزويد المعدنين بالكهرباء.", "ar")) == ["ET"]


def test_it_after_said_that_is_the_speaker_of_the_ban():
    assert bans(rec("Laos said that it had cut power to miners.", "en")) == ["LA"]
    assert bans(rec("Laos said in January that it would stop supplying electricity to crypto "
                    "mining projects by 2025.", "en", "2024-03-15")) == ["LA"]
    # another subject after "that" is still who bans
    assert bans(rec("Kazakhstan said that China had banned mining.", "en")) == ["CN"]


def test_closing_mines_is_a_ban_but_a_closing_price_or_own_farm_is_not():
    assert bans(rec("Inner Mongolia will close all bitcoin mines by April.", "en")) == ["CN-NM"]
    assert bans(rec("Inner Mongolia said it would close all cryptocurrency mining projects by April.", "en")) == ["CN-NM"]
    assert bans(rec("Bitcoin closed at $30,000 on Monday in New York.", "en")) == []
    assert bans(rec("Bitfarms closed its Quebec farm.", "en")) == []


def test_origins_and_destinations_told_through_sites_and_towns():
    assert moves(rec("Hive said it would move 2,000 machines from its site in Boden to Canada.", "en"),
                 "origin", "destination") == [("SE-BD", "CA")]
    assert moves(rec("Marathon moved 30,000 machines from Hardin, Montana, to Texas.", "en"),
                 "origin", "destination") == [("US-MT", "US-TX")]
    assert moves(rec("Marathon moved 30,000 machines from Montana to sites in Texas and Nebraska.", "en"),
                 "origin", "destination") == [("US-MT", "US-TX"), ("US-MT", "US-NE")]
    r = rec("توسعت شركة بيتدير في بوتان، ونقلت إليها آلاف الأجهزة من منشآتها في الولايات المتحدة.", "ar")
    assert moves(r, "origin", "destination") == [("US", "BT")]


def test_machines_carried_taken_or_driven_somewhere_are_moves():
    assert moves(rec("He carried 40 machines into Serbia.", "en"), "destination") == [("RS",)]
    assert moves(rec("He took 40 machines across the border into Serbia.", "en"), "destination") == [("RS",)]
    r = rec("When Beijing banned mining in 2021, Wang loaded 3,000 machines on to trucks and "
            "drove them west to Kazakhstan.", "en")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]
    assert link_record(r)
    assert moves(rec("The trip took three days to complete.", "en"), "destination") == []
    assert moves(rec("تعتزم الشركة إرسال أجهزتها من الصين إلى الولايات المتحدة.", "ar"),
                 "origin", "destination", "status") == [("CN", "US", "planned")]
    assert moves(rec("اتجه المعدّنون خلال السنوات الماضية من قوانغدونغ إلى منغوليا الداخلية.", "ar"),
                 "origin", "destination") == [("CN-GD", "CN-NM")]


def test_no_intention_of_leaving_and_a_head_of_something_are_no_moves():
    assert moves(rec("Enegix, which runs a site in Ekibastuz, said it had no intention of leaving.", "en"),
                 "origin", "destination") == []
    assert moves(rec("Mehdi Sarram, head of the Iran Blockchain Association, said miners had no "
                     "plans to leave.", "en"), "origin", "destination") == []
    assert moves(rec("Miners head to Texas.", "en"), "destination") == [("US-TX",)]


def test_any_ban_or_a_ban_if_passed_is_no_ban():
    assert bans(rec("Bitdeer's push into Bhutan was not driven by any ban.", "en")) == []
    assert bans(rec("Canadian miner Bitfarms bought a 200 MW site in Yguazu in 2023, long before "
                    "any talk of a ban.", "en", "2024-02-01")) == []
    r = rec("حظرت الصين التعدين عام 2021. نقلت شركة بيتفارمز أجهزة من كندا إلى مدينة فياريكا عام 2022، "
            "وهي خطوة لا علاقة لها بأي قيود تنظيمية في كندا.", "ar")
    assert bans(r) == ["CN"] and not link_record(r)
    r = rec("قالت الشركة إنها تدرس نقل جزء من عملياتها إلى السويد أو فنلندا إذا أُقر الحظر.", "ar")
    assert bans(r) == []


def test_quoting_a_source_and_figures_of_speech_are_no_moves():
    r = rec("ونقلت صحيفة محلية عن أحد المعدّنين في ميتروفيتسا قوله إنه ينوي نقل أجهزته عبر الحدود إلى صربيا.", "ar")
    assert [m[1] for m in moves(r, "origin", "destination")] == ["RS"]  # no move to Mitrovica
    assert moves(rec("نقلت الشركة أجهزتها عن طريق البر من الصين إلى كازاخستان.", "ar"),
                 "origin", "destination") == [("CN", "KZ")]
    assert moves(rec("Elsewhere in Asia, the welcome is cooling.", "en"), "destination") == []
    assert moves(rec("Yunnan itself may not be a safe haven.", "en"), "destination") == []
    assert moves(rec("Bitmain has shifted sales towards Ethiopia and Russia.", "en"), "destination") == []
    assert moves(rec("The company shifted 5,000 rigs to Texas.", "en"), "destination") == [("US-TX",)]
    assert moves(rec("Kazakhstan became a safe haven for Chinese miners.", "en"), "destination") == [("KZ",)]


def test_a_part_of_a_province_is_where_a_ban_applies_not_an_origin():
    r = rec("بدأ سريان قرار الحكومة الروسية وقف تعدين العملات المشفرة في المناطق الجنوبية من مقاطعة "
            "إيركوتسك وجمهورية بورياتيا.", "ar")
    assert bans(r) == ["RU-BU", "RU-IRK"]
    assert moves(rec("نقل المعدنون أجهزتهم من جنوب الصين إلى كازاخستان.", "ar"),
                 "origin", "destination") == [("CN", "KZ")]


def test_a_ban_with_no_place_right_after_a_provincial_ban_is_that_provinces():
    r = rec("Inner Mongolia said it would close all mining projects. The draft rules, published by the "
            "regional Development and Reform Commission, would ban new mining projects. Many miners "
            "spend the wet season in Sichuan and Yunnan.", "en", "2021-03-01")
    assert set(bans(r)) == {"CN-NM"}


def test_officials_of_a_prefecture_ban_for_its_province_and_capitalised_officials_are_found():
    r = rec("Mining was outlawed in parts of Xinjiang earlier this month, when officials in Changji "
            "prefecture ordered facilities to shut down on June 9.", "en")
    assert bans(r) == ["CN-XJ"]
    r = rec("Officials in Beijing ordered miners to shut down.", "en")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "REGULATOR"] == ["authorities:CN"]
    assert bans(r) == ["CN"]


def test_a_government_with_no_place_of_its_own_is_the_countrys():
    r = rec("قال روحاني إن الحكومة لن تسمح بذلك. وضبطت الشرطة أجهزة في محافظة كرمان.", "ar")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "REGULATOR"] == ["authorities:IR"]
    r = rec("أمرت السلطات في مقاطعة سيتشوان بوقف إمداد مزارع التعدين بالكهرباء، ضمن حملة تشنها "
            "الحكومة المركزية على القطاع.", "ar")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "REGULATOR"] == \
        ["authorities:CN-SC", "authorities:CN"]
    assert bans(r) == ["CN-SC"]


def test_a_town_a_move_goes_to_stands_for_its_province():
    r = rec("Bitmain is moving its remaining servers from Texas to a site near Abu Dhabi.", "en")
    assert moves(r, "origin", "destination", "destination_city") == [("US-TX", "AE-AZ", "Abu Dhabi")]
    r = rec("نقلت الشركة أجهزتها من أوردوس إلى تشنغدو.", "ar")
    assert moves(r, "origin", "destination", "destination_city") == [("CN-NM", "CN-SC", "Chengdu")]
    r = rec("Hive moved its machines from Quebec to Medicine Hat, Alberta.", "en")
    assert moves(r, "origin", "destination") == [("CA-QC", "CA-AB")]


def test_questions_failed_proposals_and_conditions_are_no_bans():
    assert bans(rec("Did Paraguay ban crypto mining? No.", "en")) == []
    assert moves(rec("Q: Did miners leave Paraguay?", "en"), "origin") == []
    assert bans(rec("A proposal that would have banned new cryptocurrency mines in Faulkner County, "
                    "Arkansas, failed on Tuesday.", "en")) == []
    assert bans(rec("A proposal to ban crypto mining in Malaysia was rejected by the cabinet.", "en")) == []
    assert bans(rec("Malaysia approved a proposal to ban crypto mining.", "en")) == ["MY"]
    r = rec("A few operators said that they would move to Brazil or Uruguay if the ban passed.", "en")
    assert bans(r) == [] and moves(r, "destination") == [("BR",), ("UY",)]


def test_denials_a_little_further_back_and_a_move_that_is_a_decision():
    assert moves(rec("Poolin denied on Thursday that it was moving its machines to Kazakhstan.", "en"), "destination") == []
    assert moves(rec("Officials denied reports that miners are relocating to Tajikistan.", "en"), "destination") == []
    r = rec("Venezuela has ordered every mining farm to disconnect from the grid, in a move officials "
            "linked to a corruption probe.", "en")
    assert bans(r) == ["VE"] and moves(r, "origin") == []


def test_more_ban_and_move_wordings():
    assert bans(rec("Hydro-Quebec stopped accepting new requests from crypto miners.", "en")) == ["CA-QC"]  # its province
    assert bans(rec("Venezuela ordered all mining farms off its grid in May.", "en", "2024-06-01")) == ["VE"]
    assert moves(rec("The machines are going to Kazakhstan.", "en"), "destination") == [("KZ",)]
    assert moves(rec("Miners are going to struggle in Texas.", "en"), "destination") == []
    assert moves(rec("Anyone with capital is going to look at Texas or Canada.", "en"),
                 "destination", "status") == [("US-TX", "planned"), ("CA", "planned")]
    assert moves(rec("وكانت الشركة الصينية قد جاءت إلى إيران من مقاطعة شينجيانغ قبل نحو خمس سنوات.", "ar"),
                 "origin", "destination") == [("CN-XJ", "IR")]
    assert moves(rec("غادر كريم إلى فرنسا عام 2017 ونقل معه أجهزة التعدين.", "ar"), "origin", "destination") == [(None, "FR")]
    r = rec("قررت وزارة الكهرباء العراقية قطع التيار عن مزارع التعدين في بغداد. ونقلت وكالة الأنباء العراقية "
            "(واع) عن المتحدث قوله إن الفرق ستقطع التيار عن أي مزرعة تعدين.", "ar")
    assert moves(r, "origin") == []


def test_a_province_ban_and_a_cue_link_a_move_from_its_country():
    r = rec("أمرت الوزارة بوقف إمداد مزارع التعدين بالكهرباء في إقليم أوروميا. وبدأت شركة بشحن أجهزتها "
            "من إثيوبيا إلى باراغواي بعد القرار.", "ar")
    assert bans(r) == ["ET-OR"] and moves(r, "origin", "destination") == [("ET", "PY")]
    assert len(link_record(r)) == 1


def test_years_ago_date_a_move_and_keep_it_from_a_later_ban():
    dates = lambda r: [(e["text"], e["value"]) for e in r["entities"] if e["type"] == "DATE"]  # noqa: E731
    assert dates(rec("Li moved to Kazakhstan three years ago.", "en", "2024-08-12")) == [("three years ago", "2021")]
    assert dates(rec("He left two months ago.", "en", "2024-08-12")) == [("two months ago", "2024-06")]
    assert dates(rec("جاءت الشركة إلى إيران منذ عامين.", "ar", "2024-08-12")) == [("منذ عامين", "2022")]
    assert dates(rec("نقلها قبل 5 أشهر.", "ar", "2024-08-12")) == [("قبل 5 أشهر", "2024-03")]
    r = rec("قطعت السلطات العراقية التيار عن مزارع التعدين. وانتقل معدّن إلى أربيل من البصرة قبل ثلاث سنوات.",
            "ar", "2024-08-12")
    assert moves(r, "origin", "destination", "date") == [("IQ-BA", "IQ-KR", "2021")]
    assert link_record(r) == []


def test_the_place_a_relative_clause_is_about_is_who_bans():
    r = rec("وكانت إثيوبيا قد تحولت إلى إحدى الوجهات المفضلة للمعدّنين، وهو ما تكرر في كوسوفو التي حظرت "
            "التعدين مطلع 2022.", "ar")
    assert bans(r) == ["XK"]
    assert bans(rec("Miners once flocked to Ethiopia, as they did to Kosovo, which banned mining in early 2022.", "en")) == ["XK"]
    assert bans(rec("Kosovo, which banned mining in early 2022, is now calm.", "en")) == ["XK"]


def test_more_towns_of_mining_news_and_a_town_of_a_country_without_provinces():
    r = rec("The miner moved 600 machines from Ipoh to Kuching in April.", "en", "2024-06-01")
    assert moves(r, "origin", "destination", "destination_city") == [("MY-08", "MY-13", "Kuching")]
    r = rec("Miners went to Zvecan and Leposavic in Kosovo.", "en")
    assert moves(r, "destination", "destination_city") == [("XK", "Zvecan")]  # one move per flow and sentence


def test_illegal_after_a_listed_subject_and_since_dates_of_the_movers():
    r = rec("أعلن بنك الشعب الصيني أن جميع الأنشطة المرتبطة بالعملات المشفرة، بما فيها التعدين، باتت غير "
            "قانونية في الصين.", "ar", "2021-09-25")
    assert bans(r) == ["CN"]
    r = rec("قطعت شركة توانير الكهرباء عن مزارع التعدين في إيران. وتدرس شركة صينية تعمل في محافظة كرمان "
            "منذ 2019 نقل أجهزتها إلى سلطنة عمان.", "ar", "2021-09-25")
    assert moves(r, "origin", "destination", "date") == [("IR-08", "OM", None)]
    assert link_record(r)


def test_the_comma_of_a_number_is_no_clause_break():
    # "2,800" ended the move's window at its comma: the destination, or the whole move, was lost
    r = rec("Miners moved 2,800 machines from Xinjiang to Kazakhstan after authorities ordered mining "
            "farms to shut.", "en", "2021-07-12")
    assert moves(r, "origin", "destination") == [("CN-XJ", "KZ")]
    r = rec("Altyn moved 6,000 machines from Kazakhstan to Bhutan after the government cut off dozens of farms.", "en")
    assert moves(r, "origin", "destination") == [("KZ", "BT")] and bans(r) == ["KZ"]


def test_years_before_something_is_no_date_of_its_own():
    r = rec("نقلت الشركة أجهزتها من الصين إلى قرغيزستان عام 2019، أي قبل عامين من الحملة الصينية.", "ar", "2022-12-12")
    assert [(e["text"], e["value"]) for e in r["entities"] if e["type"] == "DATE"] == [("عام 2019", "2019")]


def test_where_clauses_first_person_shutdowns_and_closure_orders():
    r = rec("Most of the calls come from China, where the central government has ordered bitcoin miners "
            "to shut down.", "en")
    assert bans(r) == ["CN"]
    assert bans(rec("Bitcoin miners are busy. When ERCOT calls, we shut down in minutes, Mercer said.", "en")) == []
    r = rec("Bitcoin miners are leaving. Provincial governments in Inner Mongolia and Yunnan have issued "
            "closure orders.", "en")
    assert bans(r) == ["CN-NM", "CN-YN"]


def test_a_destination_town_stands_for_its_province_even_when_written_with_its_country():
    assert moves(rec("We brought 4,000 machines from Xinjiang to Ekibastuz in June.", "en"),
                 "origin", "destination", "destination_city") == [("CN-XJ", "KZ-55", "Ekibastuz")]
    assert moves(rec("Antpool moved part of its operations to Karamay in China.", "en"),
                 "destination", "destination_city") == [("CN-XJ", "Karamay")]
    assert moves(rec("Halvorsen plans to transfer 8,000 machines to a new facility in Hernandarias, Paraguay.", "en"),
                 "destination", "destination_city") == [("PY-10", "Hernandarias")]


def test_an_owned_place_is_the_origin_and_georgia_beside_us_states_is_the_state():
    r = rec("Altyn moved its machines to Kazakhstan from Russia's Irkutsk region in 2019.", "en")
    assert moves(r, "origin", "destination") == [("RU-IRK", "KZ")]
    assert moves(rec("Miners shipped rigs from China's Xinjiang to Kazakhstan.", "en"),
                 "origin", "destination") == [("CN-XJ", "KZ")]
    assert moves(rec("The company moved to Georgia from Washington state in 2019.", "en"),
                 "origin", "destination") == [("US-WA", "US-GA")]
    assert moves(rec("نقلت الشركة أجهزتها من تكساس إلى جورجيا.", "ar"), "origin", "destination") == [("US-TX", "US-GA")]
    assert moves(rec("Miners moved from Russia to Georgia and Armenia.", "en"),
                 "origin", "destination") == [("RU", "GE"), ("RU", "AM")]


def test_kyrgyz_and_tajik_demonyms_in_both_arabic_spellings():
    r = rec("قررت الحكومة القرغيزية وقف إمداد مزارع التعدين بالكهرباء. وقال معدّن إنه بدأ بعد القرار "
            "شحن الأجهزة إلى روسيا.", "ar")
    assert bans(r) == ["KG"]


def test_arabic_permit_freezes_are_bans_and_not_yet_a_destination_is_no_move():
    r = rec("أقرت ولاية نيويورك قانونا يجمّد منح تصاريح جديدة لمحطات تعدين العملات المشفرة.", "ar")
    assert bans(r) == ["US-NY"]
    assert moves(rec("لم تكن تايلاند وجهة للمعدّنين.", "ar"), "destination") == []
    assert moves(rec("أصبحت تايلاند وجهة للمعدّنين.", "ar"), "destination") == [("TH",)]


def test_a_month_a_planned_move_names_without_a_year_is_the_coming_one():
    r = rec("Beijing banned mining in May. The firm plans to move its rigs to Texas in October.", "en", "2021-07-12")
    assert moves(r, "date", "status") == [("2021-10", "planned")]
    assert moves(rec("Miners moved to Texas in October.", "en", "2021-07-12"), "date") == [("2020-10",)]
    assert moves(rec("The firm plans to move its rigs to Texas in October 2020.", "en", "2021-07-12"), "date") == [("2020-10",)]


def test_a_site_in_the_north_of_a_country_is_a_destination():
    r = rec("Nordlys moved 2,000 machines from Mo i Rana to a hosting facility in northern Sweden.", "en")
    assert moves(r, "origin", "destination") == [("NO-18", "SE")]


def test_the_province_told_before_is_who_bans():
    r = rec("The company plans to bring 10,000 machines over from Sichuan by the end of the year, after the "
            "province cut off power to farms there in June.", "en")
    assert bans(r) == ["CN-SC"]
    r = rec("Manitoba repeated the story. In November 2022, the province announced an 18-month pause on new "
            "crypto mining connections.", "en", "2023-01-10")
    assert bans(r) == ["CA-MB"]
    assert bans(rec("Texas is a big state. Miners in the state said the ban in China helped them.", "en")) != ["US-TX"]


def test_a_country_named_later_in_the_sentence_does_not_make_a_town_its_country():
    r = rec("وكانت إيركوتسك قد استقطبت خلال السنوات الأخيرة مئات المعدّنين من موسكو وسانت بطرسبرغ، بفضل تعرفة "
            "الكهرباء الأرخص في روسيا.", "ar", "2024-11-20")
    assert moves(r, "origin", "destination") == [("RU-MOW", "RU-IRK"), ("RU-SPE", "RU-IRK")]
    r = rec("Hive said last month that it would move 2,000 machines to Canada over the summer.", "en", "2023-05-10")
    assert moves(r, "date") == [("2023-04",)]  # the month it said so, not a coming one


def test_a_place_owned_by_the_country_the_movers_were_in_is_their_origin():
    r = rec("The company started out in Russia's Irkutsk region and moved its fleet to Kazakhstan in 2020.", "en")
    assert moves(r, "origin", "destination") == [("RU-IRK", "KZ")]


def test_the_central_government_of_a_where_clause_and_officials_after_the_place():
    r = rec("DALTON, Ga. — Most of the calls come from China, where the central government has ordered "
            "bitcoin miners to shut down. Texas and Georgia are close.", "en")
    assert bans(r) == ["CN"]
    r = rec("نغاوا — بدأت الحملة في شينجيانغ في كانون الثاني/يناير 2022 حين أغلق المسؤولون مزارع التعدين. "
            "وكانت إيران قد حظرت التعدين.", "ar")
    assert "CN-XJ" in bans(r) and bans(r).count("IR") <= 1


def test_more_ban_wordings_in_both_languages():
    r = rec("Landsvirkjun said in December that it would turn down new requests for electricity from "
            "crypto miners.", "en", "2022-01-20")
    assert bans(r) == ["IS"]  # the company that speaks of itself is who bans
    assert bans(rec("Kazakhstan restricted mining in 2022.", "en", "2024-12-10")) == ["KZ"]
    assert bans(rec("Kazakhstan tightened its rules on crypto mining in 2022.", "en", "2024-12-10")) == ["KZ"]
    assert bans(rec("Lawmakers rejected the bill that would have banned mining.", "en")) == []
    assert bans(rec("كثفت وزارة الداخلية المصرية حملاتها على مزارع تعدين العملات المشفرة.", "ar")) == ["EG"]
    assert bans(rec("شنّت وزارة الداخلية المصرية مداهمات على مزارع تعدين العملات المشفرة.", "ar")) == ["EG"]
    r = rec("قالت وزارة الطاقة الكهربائية في فنزويلا إنها ستفصل جميع مزارع تعدين العملات المشفرة عن الشبكة الوطنية.", "ar")
    assert bans(r) == ["VE"]


def test_hyphenated_arabic_place_names():
    r = rec("حظرت الحكومة الروسية تعدين العملات المشفرة في قبردينو-بلقاريا وقراتشاي-تشيركيسيا.", "ar", "2024-12-24")
    assert bans(r) == ["RU-KB", "RU-KC"]


def test_a_town_s_own_government_bans_in_its_province():
    r = rec("The city of Plattsburgh imposed an 18-month moratorium on new cryptocurrency mining in March.",
            "en", "2018-06-08")
    assert bans(r) == ["US-NY"]
    r = rec("WENATCHEE, Wash. — The utility on Monday voted to stop accepting new applications from "
            "cryptocurrency miners.", "en", "2018-03-20")
    assert bans(r) == ["US-WA"]
    assert bans(rec("BEIJING, June 1 — The government ordered mining farms to shut.", "en")) == ["CN"]
    assert bans(rec("Beijing ordered mining farms to shut.", "en")) == ["CN"]


def test_the_status_of_a_move_is_told_in_its_own_clause():
    r = rec("Angara Mining, which moved its first containers to Bratsk from Tver region in 2019, said its "
            "operations would continue as normal.", "en", "2024-12-24")
    assert moves(r, "status") == [("completed",)]
    r = rec("The group had moved its equipment to Libya from Kazakhstan in 2022 after Kazakh authorities "
            "began cutting power to miners.", "en", "2024-11-25")
    assert moves(r, "origin", "destination", "status") == [("KZ", "LY", "completed")]
    r = rec("Several miners in Irkutsk region are preparing to move to Kazakhstan.", "en", "2024-12-24")
    assert moves(r, "status") == [("planned",)]


def linked(r):
    from kg.linking import link_record
    link_record(r)
    return r


def test_dates_a_ban_runs_until_and_dates_in_names_and_clauses():
    r = rec("Russia's government has banned cryptocurrency mining in ten regions from Jan. 1 until March 2031.",
            "en", "2024-12-24")
    assert [e["date"] for e in r["events"]] == ["2025-01-01"]
    # an end still to come: in force when the news was written
    r = rec("روسيا تحظر تعدين العملات المشفرة في عشر مناطق حتى عام 2031", "ar", "2024-12-24")
    assert [e["date"] for e in r["events"]] == ["2024-12-24"]
    r = rec("وقطعت شركات التوزيع التيار عن شقق تستخدم لتعدين العملات المشفرة في مدينة السادس من أكتوبر.", "ar", "2024-06-18")
    assert not [e for e in r["entities"] if e["type"] == "DATE"]
    r = rec("فرضت الحكومة الروسية حظراً على التعدين في مقاطعة إيركوتسك اعتباراً من 15 نوفمبر/تشرين الثاني. وتدرس "
            "شركة «بت ريفر» نقل جزء من قدراتها في مقاطعة إيركوتسك إلى إثيوبيا، حيث وقّعت العام الماضي اتفاقاً "
            "لتوريد الطاقة.", "ar", "2024-12-24")
    assert moves(r, "origin", "destination", "date") == [("RU-IRK", "ET", None)]
    assert len(linked(r)["links"]) == 1


def test_a_move_ahead_of_a_ban_and_where_the_movers_are_based():
    r = rec("Irkutsk region banned cryptocurrency mining in winter. Sibirsky Hash said it would move its "
            "machines from Irkutsk region to Krasnoyarsk territory before the ban takes effect.", "en", "2024-12-24")
    assert len(linked(r)["links"]) == 1
    r = rec("Tokmok-based miner Altai Hash shipped 2,000 machines to Ethiopia in response to the order.", "en")
    assert moves(r, "origin", "destination") == [("KG-C", "ET")]
    r = rec("Calgary-based Prairie Hash said it would build its site in Alberta instead.", "en")
    assert all(o != d for o, d in moves(r, "origin", "destination"))


def test_the_nationality_of_movers_is_not_where_they_leave_after_another_country_s_ban():
    r = rec("أقرت الجمعية الوطنية في أنغولا قانوناً يحظر تعدين العملات المشفرة. وتخطط مجموعة من المعدنين "
            "الصينيين لنقل أجهزتهم إلى جمهورية الكونغو الديمقراطية.", "ar", "2024-04-20")
    assert moves(r, "origin", "destination") == [(None, "CD")] and len(linked(r)["links"]) == 1
    r = rec("حظرت الصين التعدين. ونقل المعدنون الصينيون أجهزتهم إلى كازاخستان.", "ar")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]


def test_a_move_for_its_own_reasons_an_idiom_and_a_town_no_gazetteer_knows():
    r = linked(rec("Manitoba will stop connecting new cryptocurrency mining operations to the grid for 18 months, "
                   "the provincial government said on Monday. Separately, Winnipeg furniture maker Prairie Oak "
                   "said on Monday it would move its assembly line to North Dakota next spring, citing labour "
                   "shortages.", "en", "2022-11-29"))
    assert r["links"] == []
    assert moves(rec("Iceland's power squeeze leaves bitcoin miners out in the cold.", "en"), "origin") == []
    assert moves(rec("Miners left Iceland for Norway.", "en"), "origin", "destination") == [("IS", "NO")]
    r = rec("Champlain Digital moved 600 machines in April to a warehouse in Saint-Jean-sur-Richelieu, Quebec.",
            "en", "2018-06-08")
    assert moves(r, "destination") == [("CA-QC",)]
    assert moves(rec("Yug-Hash moved about 1,500 machines to Sochi.", "en"), "destination") == [("RU-KDA",)]


def test_a_ban_noun_annexed_to_its_place_and_a_clause_before_a_destination_noun():
    r = rec("وتصدّر باراغواي معظم كهربائها إلى البرازيل والأرجنتين، ما جعلها منذ 2021 وجهة لمعدنين فرّوا من "
            "الصين بعد حظر بكين لهذا النشاط.", "ar", "2025-03-05")
    assert bans(r) == ["CN"]
    assert moves(r, "origin", "destination", "status") == [("CN", "PY", "completed")]


def test_a_ban_that_applies_to_places_and_a_far_move_out_of_the_banned_province():
    r = rec("Russia's government has banned cryptocurrency mining in ten regions. The seasonal ban applies to "
            "Irkutsk region, Buryatia and the Zabaykalsky territory.", "en", "2024-12-24")
    # (the regions named, the ban "in ten regions" is theirs, not Russia's: three probe rounds' gold)
    assert bans(r) == ["RU-BU", "RU-IRK", "RU-ZAB"]
    r = linked(rec("Russia's government has banned cryptocurrency mining in Dagestan. Officials gave no further "
                   "details. The country has cheap hydropower. Winters are long and cold. Demand has grown for "
                   "years. Critics say the grid is old. In Dagestan, some operators said they would ship their "
                   "rigs to Kazakhstan.", "en", "2024-12-24"))
    assert moves(r, "origin", "destination") == [("RU-DA", "KZ")] and len(r["links"]) == 1


def test_arabic_movers_named_after_yudaa_and_investors_and_not_who_reports():
    r = rec("وقال أحدهم، ويدعى خوسيه رودريغيث، إنه يخطط لشحن نحو 300 جهاز إلى باراغواي.", "ar", "2024-05-18")
    assert moves(r, "who", "destination") == [("خوسيه رودريغيث", "PY")]
    r = rec("وقال صاحب مزرعة، طلب الاكتفاء بذكر اسمه الأول «هيوا»، إنه نقل 300 جهاز إلى محافظة كركوك.", "ar", "2024-05-18")
    assert moves(r, "who") == [("هيوا",)]
    r = rec("نقل مستثمرون إيرانيون أجهزتهم إلى الإمارات.", "ar")
    assert moves(r, "who", "origin", "destination") == [("مستثمرون إيرانيون", "IR", "AE")]
    r = rec("كما أفاد مستثمرون بأن شريكا لهم يعتزم نقل أجهزته من إيران إلى الإمارات.", "ar")
    assert moves(r, "who") == [(None,)]


def test_a_move_tells_its_industry():
    r = rec("ونقل أصحاب الكسارات معداتهم من محافظة الشمال إلى محافظة بعلبك الهرمل.", "ar")
    assert [m["industry"] for m in r["events"]] == ["الكسارات"]
    r = rec("Miners said they had loaded 1,500 machines onto trucks bound for Sichuan.", "en")
    assert [m["industry"] for m in r["events"]] == ["mining"]
    r = rec("Chen moved his recycling plant from Guangdong to Malaysia.", "en")
    assert [m["industry"] for m in r["events"]] == ["recycling"]


def test_bans_told_passively_by_law_or_licence_and_bans_not_made():
    for text, j in (("Taking electricity from the national grid for mining is prohibited in Uzbekistan.", "UZ"),
                    ("New York passed a law that bars the state from issuing permits to crypto mining plants.", "US-NY"),
                    ("Yunnan's provincial energy bureau ordered a clean-up of cryptocurrency mining projects.", "CN-YN"),
                    ("Kazakhstan will revoke the business licences of crypto mining farms.", "KZ")):
        assert bans(rec(text, "en", "2023-06-29")) == [j], text
    for text in ("Serbia's energy ministry said on Thursday it had no plans to restrict cryptocurrency mining.",
                 "Thailand's Energy Ministry says there are no plans to ban cryptocurrency mining nationwide."):
        assert bans(rec(text, "en")) == [], text
    for text in ("ولم تحظر السويد تعدين العملات المشفرة.",
                 "وسمحت الحكومة الأردنية بتداول العملات من دون أن يحظر تعدين العملات المشفرة.",
                 "وقالت وزارة الطاقة الأردنية إنه لا توجد خطط لحظر تعدين العملات المشفرة."):
        assert bans(rec(text, "ar")) == [], text


def test_the_month_may_a_place_named_mover_and_lower_case_words_that_name_places():
    r = rec("Arctic Blocks said it moved 2,000 machines to Finland in May.", "en", "2023-06-29")
    assert moves(r, "status", "date") == [("completed", "2023-05")]
    assert moves(rec("Miners may move to Finland.", "en"), "status") == [("planned",)]
    r = rec("A Mae Sot operator said he moved about 400 machines across the river to Myawaddy.", "en")
    assert moves(r, "origin", "destination") == [("TH-63", "MM-13")]
    r = rec("Miners clustered around Massena in the far north of the state.", "en")
    assert [e["canonical"] for e in r["entities"] if e["type"] in ("PROVINCE", "CITY")] == ["Massena"]


def test_a_province_s_own_body_bans_there_and_the_provincial_bureau_of_the_province_told():
    r = rec("Sarawak Energy said last month it would disconnect any customer found mining cryptocurrency "
            "without a special tariff agreement.", "en", "2024-06-01")
    assert bans(r) == ["MY-13"]
    assert bans(rec("Hydro-Québec suspended new power contracts for crypto miners in 2018.", "en")) == ["CA-QC"]
    assert bans(rec("Bitfarms halted its operations in Quebec.", "en")) == []  # a company curtailing itself
    r = rec("KUNMING, June 18 — China's southwestern province of Yunnan is telling two industries different "
            "things. On Wednesday, the provincial energy bureau ordered a clean-up of cryptocurrency mining "
            "projects.", "en", "2021-06-18")
    assert bans(r) == ["CN-YN"]


def test_arabic_round_five_crackdowns_calls_on_a_bloc_owners_and_places():
    r = linked(rec("وفي أعقاب الحملة التي شنتها وزارة الداخلية الكويتية على مزارع التعدين، نقل معدنون كويتيون نحو "
                   "2500 جهاز إلى صلالة.", "ar", "2024-06-01"))
    assert bans(r) == ["KW"] and moves(r, "origin", "destination") == [("KW", "OM-ZU")] and len(r["links"]) == 1
    r = rec("دعا نواب في البرلمان الأوروبي ووكالة حماية البيئة السويدية إلى حظر تعدين العملات على مستوى "
            "الاتحاد الأوروبي.", "ar")
    assert bans(r) == []
    assert bans(rec("Swedish regulators called for a ban on proof-of-work mining across the EU.", "en")) == []
    r = rec("ونقل عدد من أصحاب الأجهزة معداتهم إلى الأردن.", "ar")
    assert moves(r, "who") == [("عدد من أصحاب الأجهزة",)]
    r = rec("نقل معدنون أجهزتهم من ماردين إلى كازاخستان، ونقل آخرون أجهزتهم إلى ولاية شان.", "ar")
    assert moves(r, "origin", "destination") == [("TR-47", "KZ"), (None, "MM-17")]
    r = rec("حظرت الحكومة التعدين في قبردينو-بلقاريا. نقل معدن أجهزته من إسطنبول إلى كازاخستان.", "ar")
    assert ("TR-34", "KZ") in moves(r, "origin", "destination")


def test_a_kiln_ban_sets_off_the_kilns_move_and_a_bank_s_crypto_ban_does_not():
    r = linked(rec("كان بنك الدولة الباكستاني قد حظر التعامل بالعملات المشفرة عام 2018. وأمرت وكالة حماية البيئة في "
                   "إسلام آباد بإغلاق 42 قميناً للطوب في ضواحي المدينة. وعقب القرار، نقل أصحاب القمائن نشاطهم "
                   "إلى إقليم البنجاب.", "ar", "2024-11-20"))
    assert moves(r, "origin", "destination") == [("PK-IS", "PK-PB")]
    kiln = [e["id"] for e in r["events"] if e.get("jurisdiction") == "PK-IS"]
    assert [l["from"] for l in r["links"]] == kiln


def test_a_clause_with_its_own_subject_and_a_moratorium_told_again():
    r = rec("Barki Tojik has cut power to crypto miners, and Kazakhstan raised taxes on miners' electricity.", "en")
    assert bans(r) == ["TJ"]
    assert bans(rec("Authorities banned mining in Sichuan, Yunnan, and Xinjiang.", "en")) == ["CN-SC", "CN-XJ", "CN-YN"]
    r = rec("New York imposed a two-year moratorium on new permits for fossil-fuel plants that mine bitcoin. "
            "The moratorium does not affect miners that buy hydropower.", "en", "2022-11-23")
    assert bans(r) == ["US-NY"]


def test_arabic_people_named_once_titles_under_a_conjunction_platforms_and_ruled_out_moves():
    r = rec("وقال مهندس من ورقلة يدعى سفيان إنه نقل أجهزته إلى تونس.", "ar")
    assert moves(r, "who") == [("سفيان",)]
    r = rec("فالمعدن مراد يلماز نقل أجهزته من إسطنبول إلى كازاخستان.", "ar")
    assert moves(r, "who", "origin") == [("مراد يلماز", "TR-34")]
    r = rec("ويخطط رجل الأعمال ليو وي لنقل 600 جهاز إلى ميانمار.", "ar")
    assert moves(r, "who") == [("ليو وي",)] and "ويخطط" not in [e["text"] for e in r["entities"]]
    assert moves(rec("ونقلت منصة «أوكي كوين» أجهزتها إلى مالطا.", "ar"), "who") == [("أوكي كوين",)]
    assert moves(rec("وقالت الشركة إنها تدرس خياراتها، مستبعدة نقل مصنعها إلى تركيا.", "ar"), "destination") == []
    assert moves(rec("The company ruled out moving its machines to Texas.", "en"), "destination") == []


def test_round_six_idioms_lists_of_banning_places_and_causes_that_are_no_ban():
    for text in ("Shares of Hut 8 barely moved on the news.",
                 "The governor warned the ban would send jobs and investment to other states.",
                 "The decision sent a bad signal to investors, Norway's industry said.",
                 "Licences were suspended when Sunacrip was taken over by the state."):
        assert moves(rec(text, "en"), "destination") == [], text
    r = rec("By then Inner Mongolia, Xinjiang, Yunnan, Qinghai and finally Sichuan had ordered mines to close.", "en")
    assert bans(r) == ["CN-NM", "CN-QH", "CN-SC", "CN-XJ", "CN-YN"]
    r = linked(rec("وحظرت الحكومة الروسية التعدين في داغستان والشيشان. وفي سياق منفصل، افتتحت شركة سيبيريان بلوك "
                   "مزرعة في إيركوتسك عام 2023 بعد نقل جزء من أجهزتها من روسيا إثر العقوبات الغربية.", "ar", "2024-12-24"))
    assert r["links"] == []  # sanctions, and "after moving", tie the move to no ban
    r = linked(rec("حظرت ليبيا التعدين. وقال معدن إنه نقل أجهزته إلى تونس، لا بسبب القانون، بل بسبب الاشتباكات.", "ar"))
    assert r["links"] == []
    r = rec("أعلنت كازاخستان قيودا على الكهرباء. وتحولت كازاخستان إلى ثاني أكبر مركز للتعدين بعد الولايات المتحدة، "
            "إثر حملة الصين على هذا النشاط في مايو 2021، إذ نقلت شركات صينية الأجهزة عبر الحدود إلى البلاد، ما "
            "رفع الطلب على الكهرباء.", "ar", "2022-02-10")
    assert bans(r) == ["CN"] and moves(r, "origin", "destination") == [("CN", "KZ")]


def test_moves_split_between_places_sites_in_towns_and_an_arabic_future():
    r = rec("Lianhe planned to split about 20,000 rigs between Kazakhstan and Texas.", "en", "2021-07-01")
    assert moves(r, "destination", "status") == [("KZ", "planned"), ("US-TX", "planned")]
    assert moves(rec("Talks between China and Kazakhstan split the miners.", "en"), "destination") == []
    r = rec("Two operators planned to move a combined 700 machines to rented premises in Cúcuta, Colombia.", "en")
    assert moves(r, "destination") == [("CO-NSA",)]
    r = rec("The firm moved its machines from a leased building in upstate New York to Rockdale, Texas.", "en")
    assert moves(r, "origin", "destination") == [("US-NY", "US-TX")]
    r = rec("BitRiver moved its first 5,000 machines to Irkutsk from a warehouse in the Moscow region.", "en")
    assert moves(r, "origin", "destination") == [("RU-MOS", "RU-IRK")]
    r = rec("وقالت الشركة إنها ستشحن نحو عشرة آلاف جهاز إلى ولاية تكساس.", "ar")
    assert moves(r, "destination", "status") == [("US-TX", "planned")]


def test_no_intention_to_leave_we_sent_and_blaming_the_ban():
    assert moves(rec("وقالت الشركة إنها لا تنوي مغادرة البلاد إلى كازاخستان.", "ar"), "destination") == []
    assert moves(rec("وقال إنه لا يزال ينقل أجهزته إلى إثيوبيا.", "ar"), "destination") == [("ET",)]
    assert moves(rec("وقال: أرسلنا أربع حاويات إلى إثيوبيا الشهر الماضي.", "ar"), "destination") == [("ET",)]
    r = rec("Pristina miners moved their rigs to Albania, blaming the ban.", "en")
    assert [c["text"] for m in r["events"] for c in m["cues"]] == ["blaming the ban"]


def test_a_habit_and_a_move_on_a_condition():
    r = linked(rec("Inner Mongolia banned mining in 2021. Since 2015 miners have trucked machines from Inner "
                   "Mongolia to Sichuan every summer.", "en", "2021-06-01"))
    assert moves(r, "origin", "destination") == [("CN-NM", "CN-SC")] and r["links"] == []
    r = rec("Arctic Hash said it was talking to suppliers in Paraguay about relocating its 8,000 machines if "
            "the ban goes ahead.", "en", "2024-06-01")
    assert moves(r, "status") == [("planned",)]


def test_the_movers_seat_told_beside_their_name_is_where_they_leave():
    r = rec("Kaspiy Hash, a smaller firm based in Dagestan's capital Makhachkala, said it intends to ship "
            "its containers to Laos.", "en", "2025-01-09")
    assert moves(r, "who", "origin", "destination") == [("Kaspiy Hash", "RU-DA", "LA")]
    r = rec("وقالت شركة «كاسبي هاش» ومقرها داغستان إنها تعتزم شحن أجهزتها إلى لاوس.", "ar", "2025-01-09")
    assert moves(r, "origin", "destination") == [("RU-DA", "LA")]
    # the place of an apposition, told the sentence before: "X, a Kunming firm that ran …"
    r = rec("Some lorries belong to Lancang Digital, a Kunming firm that ran about 2,000 machines at a hydro "
            "station. Within days, the company began trucking its fleet to Kazakhstan.", "en", "2021-06-25")
    assert moves(r, "who", "origin", "destination") == [("Lancang Digital", "CN-YN", "KZ")]
    # a seat told elsewhere in the sentence is no origin
    r = rec("Kaspiy Hash said it intends to ship its containers to Laos, a country based in Asia.", "en")
    assert moves(r, "origin", "destination") == [(None, "LA")]


def test_a_halt_of_another_industry_is_its_ban_in_an_article_of_no_mining():
    r = rec("أمرت لجنة إدارة جودة الهواء في الهند الجمعة بوقف عمل أفران الطوب وكسارات الحجارة في إقليم دلهي "
            "وفي المناطق المحيطة به من ولايتي هاريانا وأوتار براديش.", "ar", "2024-11-15")
    assert bans(r) == ["IN-DL", "IN-HR", "IN-UP"]
    r = rec("علّقت حكومة ولاية جوهور الماليزية الثلاثاء منح الموافقات لمراكز البيانات الجديدة.", "ar", "2024-11-15")
    assert bans(r) == ["MY-01"]


def test_the_ban_told_again_with_the_places_it_reaches_bans_there():
    r = rec("Russia banned mining in Dagestan. In the southern districts of the Irkutsk region, in Buryatia and "
            "in Zabaykalsky Krai the ban applies only during the winter peak.", "en", "2025-01-09")
    assert bans(r) == ["RU-BU", "RU-DA", "RU-IRK", "RU-ZAB"]
    assert bans(rec("Russia banned mining in Dagestan. The ban also covers Tuva.", "en")) == ["RU-DA", "RU-TY"]
    assert bans(rec("Russia banned mining in Dagestan. The ban was criticised in Moscow.", "en")) == ["RU-DA"]


def test_orders_to_switch_off_and_power_to_farms_suspended_are_bans():
    r = rec("Iran's Ministry of Energy has ordered steel smelters in Isfahan and Khorasan Razavi provinces to "
            "switch off their electric arc furnaces two days a week.", "en", "2024-08-14")
    assert bans(r) == ["IR-09", "IR-10"]
    assert bans(rec("Power to cryptocurrency farms in Iran was suspended in May.", "en", "2024-08-14")) == ["IR"]
    r = rec("TEHRAN, Aug. 14 — Iran's grid is under strain. In May power to licensed cryptocurrency farms was "
            "suspended across the country.", "en", "2024-08-14")
    assert bans(r) == ["IR"]
    # the power of a plant that is switched off for repairs is no ban
    assert bans(rec("The plant in Isfahan was switched off for repairs, the operator said.", "en")) == []


def test_a_named_utility_district_of_the_dateline_town_bans_in_its_state():
    r = rec("WENATCHEE, Wash., March 3, 2022 — Commissioners of the Columbia Bend Public Utility District voted "
            "3-0 on Tuesday to suspend new grid connections for cryptocurrency mining for twelve months.", "en", "2022-03-03")
    assert bans(r) == ["US-WA"]


def test_what_a_ban_leaves_untouched_is_no_move_and_a_site_it_has_optioned_is_a_destination():
    r = rec("Grant County imposed a moratorium on crypto mining. The moratorium leaves untouched the roughly 70 MW "
            "of mining load already connected in the district.", "en", "2022-03-03")
    assert moves(r, "destination") == []
    r = rec("The company would redeploy the machines to a site it has optioned near Gillette, Wyoming.", "en", "2022-03-03")
    assert moves(r, "destination", "status") == [("US-WY", "planned")]
    assert moves(rec("Miners left Sichuan for Texas.", "en"), "origin", "destination") == [("CN-SC", "US-TX")]


def test_canadian_press_abbreviations_of_provinces():
    r = rec("KAMLOOPS, B.C. — The plant in Selkirk, Man., was sold.", "en")
    assert [(e["text"], e.get("canonical")) for e in r["entities"] if e["type"] == "PROVINCE"] == [
        ("B.C", "CA-BC"), ("Man", "CA-MB")]


def test_arabic_redeployment_is_a_move():
    r = rec("أعاد مشغّلون صغار نشر أجهزتهم في إقليم كراسنويارسك.", "ar", "2025-01-09")
    assert moves(r, "destination", "status") == [("RU-KYA", "completed")]
    r = rec("وقالت الشركة إنها ستعيد نشر أجهزتها إلى ولاية ماديا براديش.", "ar", "2025-01-09")
    assert moves(r, "destination", "status") == [("IN-MP", "planned")]
    assert moves(rec("أعاد الجيش نشر قواته.", "ar"), "destination") == []


def test_arabic_halted_approvals_attraction_and_suburbs():
    r = rec("وكانت سنغافورة قد أوقفت عام 2019 الموافقة على مراكز بيانات جديدة، ما دفع مشغلين إلى نقل مشاريعهم "
            "إلى جوهور.", "ar", "2024-11-15")
    assert bans(r) == ["SG"] and moves(r, "destination") == [("MY-01",)]
    r = rec("واجتذبت إثيوبيا عشرات الشركات منذ 2022، معظمها صينية نزحت بعد أن حظرت بكين التعدين عام 2021.", "ar")
    assert moves(r, "origin", "destination") == [("CN", "ET")]
    r = rec("نقلت الشركة أجهزتها من كازاخستان إلى ضواحي أديس أبابا عام 2023.", "ar")
    assert moves(r, "origin", "destination") == [("KZ", "ET-AA")]


def test_a_town_in_a_countrys_province_and_a_ban_bill_that_stalls():
    r = rec("About two-thirds are already being trucked to a site near Bratsk in Russia's Irkutsk region.", "en")
    assert moves(r, "destination") == [("RU-IRK",)]
    assert moves(rec("Miners moved to Karamay in China.", "en"), "destination") == [("CN-XJ",)]
    assert bans(rec("Paraguay raises power price for crypto miners as ban bill stalls", "en")) == []
    assert bans(rec("Paraguay passed a ban bill on mining.", "en")) == ["PY"]


def test_an_order_that_also_applies_to_a_neighbouring_region_bans_there():
    r = rec("Kazakhstan ordered the grid to disconnect mining farms in Pavlodar. The order, signed on March 8, also "
            "applies to the neighbouring Abai region and takes effect on April 1.", "en", "2024-03-12")
    assert bans(r) == ["KZ-10", "KZ-55"]
    r = rec("Russia banned mining in Dagestan. The ban applies to miners who use subsidised power.", "en")
    assert bans(r) == ["RU-DA"]


def test_suspended_dredging_licences_are_a_ban_of_another_industry():
    r = rec("The Selangor state government has suspended all river sand dredging licences on the Selangor and "
            "Langat rivers.", "en", "2025-02-21")
    assert bans(r) == ["MY-10"]
    assert [e["target"] for e in r["events"] if e["type"] == "BAN"] != ["mining"]


def test_a_province_named_before_its_operator_and_places_told_by_their_parts():
    r = rec("Since the shutdown order, Kerman operator Kavir Block has trucked about 800 machines to the Chabahar "
            "free zone in Sistan and Baluchestan province.", "en", "2024-07-24")
    assert moves(r, "who", "origin", "destination") == [("Kavir Block", "IR-08", "IR-11")]
    r = rec("Karun Digital shifted its containers from Ahvaz, in Khuzestan province, to the cooler highlands of "
            "Kurdistan province.", "en", "2024-07-24")
    assert moves(r, "origin", "destination") == [("IR-06", "IR-12")]
    r = rec("Qazaq Hash said it had started moving 6,000 machines from its site outside Ekibastuz to a leased hall "
            "in Russia's Irkutsk region.", "en", "2024-03-12")
    assert moves(r, "origin", "destination") == [("KZ-55", "RU-IRK")]
    # a country before a firm's noun is where it is based, not where its machines were
    r = rec("Hong Kong hosting firm Pillar Hash said it had moved 5,000 machines to Paraguay.", "en")
    assert moves(r, "origin", "destination") == [(None, "PY")]
    r = linked(rec("Selangor halts river sand dredging; dredger fleets head for Perak and Johor", "en", "2024-02-21"))
    assert bans(r) == ["MY-10"] and moves(r, "origin", "destination") == [("MY-10", "MY-08"), ("MY-10", "MY-01")]


def test_arabic_orders_to_cut_consumption_and_deadlines_to_stop_are_bans():
    r = rec("أمرت شبكة الكهرباء في مقاطعة يونان مصاهر الألمنيوم بخفض استهلاكها للكهرباء بنسبة 30 بالمئة.", "ar", "2024-08-01")
    assert bans(r) == ["CN-YN"]
    r = rec("أمهل جهاز شؤون البيئة مصانع الإسمنت في منطقة حلوان بمحافظة القاهرة حتى الأول من آذار/مارس لوقف "
            "تشغيل أفرانها العاملة بالفحم.", "ar", "2024-01-10")
    assert bans(r) == ["EG-C"]
    r = rec("نقلت شركة النيل للإسمنت أول خط إنتاج من مصنعها في حلوان إلى مجمعها في محافظة السويس.", "ar")
    assert moves(r, "origin", "destination") == [("EG-C", "EG-SUZ")]


def test_the_movers_sites_told_the_sentence_before_are_where_they_leave():
    r = rec("Baikal Mining Group had been running about 40 MW of machines at two sites south of Irkutsk. After the "
            "decree it took its rigs to Ethiopia, managing director Pavel Sokurov said.", "en", "2025-01-09")
    assert moves(r, "who", "origin", "destination") == [("Baikal Mining Group", "RU-IRK", "ET")]
    r = rec("وتملك شركة \"ستيب مايننغ\" واحدة من أكبر مزارع التعدين في مدينة إيكيباستوز. ومنذ قرار الخفض، فككت "
            "الشركة نحو نصف أجهزتها وشحنتها بالقطار إلى إقليم كراسنويارسك في سيبيريا.", "ar", "2024-01-10")
    # (a verb with its ending and object, "وشحنتها"; the region after the province only says where it is)
    assert moves(r, "origin", "destination") == [("KZ-55", "RU-KYA")]
    assert moves(rec("Miners moved to Siberia and Kazakhstan.", "en"), "destination") == [("Siberia",), ("KZ",)]


def test_an_arabic_cause_after_badama_is_not_where_the_ban_applies():
    r = rec("أطلقت وزارة الداخلية الكويتية منتصف حزيران/يونيو حملة لوقف تعدين العملات المشفرة في المنازل، بعدما "
            "رصدت استهلاكا غير طبيعي للكهرباء في منطقة الوفرة في محافظة الأحمدي.", "ar", "2025-06-20")
    assert bans(r) == ["KW"]


def test_a_province_after_a_bare_apostrophe_possessive():
    r = rec("Kestrel Compute opened a site in Laos' Savannakhet province in 2024 and moved part of its GPU "
            "clusters there from Johor.", "en", "2025-03-01")
    assert moves(r, "origin", "destination") == [("MY-01", "LA-SV")]


def test_no_ban_in_a_region_and_movers_named_by_their_country_leave_it():
    r = rec("موسكو (أ ف ب) - بدأ معدنو العملات المشفرة في جنوب سيبيريا نقل آلاتهم إلى مناطق أخرى من روسيا، قبل "
            "أيام من دخول حظر حكومي على نشاطهم حيز التنفيذ.", "ar", "2025-01-09")
    assert "Siberia" not in bans(r)
    r = rec("Iran banned mining. Many Chinese miners left the country for Kazakhstan.", "en")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]


def test_arabic_a_freeze_imposed_by_a_province_and_miners_annexed_to_their_town():
    r = linked(rec("وفي كندا، دفع تجميد فرضته مقاطعة مانيتوبا أواخر 2022 على ربط مشاريع تعدين جديدة بالشبكة شركة "
                   "\"برايري بلوك\" إلى إعادة نشر 20 ميغاواط من طاقتها في مقاطعة ألبرتا المجاورة.", "ar", "2024-06-01"))
    assert bans(r) == ["CA-MB"] and moves(r, "origin", "destination") == [("CA-MB", "CA-AB")]
    r = rec("دفعت المداهمات بعض معدني رفسنجان إلى النزوح بأجهزتهم نحو قرى نائية في محافظة سيستان وبلوشستان.", "ar")
    assert moves(r, "origin", "destination") == [("IR-08", "IR-11")]
    # a place before the movers is not theirs by annexation
    r = rec("دبي - استقر كثير من المعدنين الصينيين في كازاخستان.", "ar")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]


def test_arabic_machines_that_were_running_somewhere_leave_it():
    r = rec("افتتحت شركة \"ريفت باور\" الشهر الماضي موقعا في مقاطعة ناكورو، ونقلت إليه أجهزة كانت تعمل في إثيوبيا.",
            "ar", "2025-03-01")
    assert moves(r, "origin", "destination") == [("ET", "KE-31")]


def test_arabic_broken_plurals_of_peoples_are_their_country():
    r = rec("ونقل المعدنون الروس أجهزتهم إلى كازاخستان الشهر الماضي.", "ar", "2025-03-01")
    assert moves(r, "who", "origin", "destination") == [("المعدنون الروس", "RU", "KZ")]
    r = rec("وقال مسؤولون إن الروس نقلوا أجهزتهم إلى إثيوبيا.", "ar", "2025-03-01")
    assert moves(r, "who", "origin", "destination") == [("الروس", "RU", "ET")]
    # bare, without its article, it is a name
    r = rec("بعد الحظر، نقل روس أولبريخت أجهزته إلى إثيوبيا.", "ar", "2025-03-01")
    assert moves(r, "origin") == [(None,)]


def test_english_sending_a_bill_bringing_noise_and_leaving_reservoirs_low_are_no_moves():
    for text in ("Under the proposal, sent to parliament by the ministry, operators would have to register.",
                 "Crypto mining brings noise to the communities where it is located, the ministry said.",
                 "Iceland will cut power to miners after a dry autumn left its reservoirs at their lowest level."):
        assert moves(rec(text, "en", "2025-06-10")) == [], text
    assert moves(rec("The firm brought its machines to Texas.", "en"), "destination") == [("US-TX",)]


def test_a_decree_that_also_outlaws_mining_in_listed_provinces_bans_there():
    r = rec("The prohibition is part of a government decree that also outlaws mining all year round in "
            "Chechnya, Ingushetia and North Ossetia until March 2031.", "en", "2025-03-04")
    assert {"RU-CE", "RU-IN", "RU-SE"} <= set(bans(r))
    # "the first such ban" is still the ban told before
    r = rec("Kazakhstan banned mining in Almaty, the first such ban in the region.", "en")
    assert len([e for e in r["events"] if e["type"] == "BAN"]) == 1


def test_arabic_suspended_connections_a_similar_freeze_and_seized_machines_are_bans():
    r = rec("وفي أحدث هذه الخطوات، علّقت حكومة مانيتوبا أواخر تشرين الثاني/نوفمبر، لمدة 18 شهراً، أي توصيلات "
            "كهربائية جديدة لمشاريع التعدين.", "ar", "2023-01-09")
    assert bans(r) == ["CA-MB"]
    r = rec("حظرت مانيتوبا التعدين. وبعد أقل من ثلاثة أسابيع، أعلنت كولومبيا البريطانية تجميداً مماثلاً مدته 18 "
            "شهراً أيضاً.", "ar", "2023-01-09")
    assert bans(r) == ["CA-BC", "CA-MB"]
    r = rec("أعلنت السلطات الإيرانية ضبط أكثر من 800 جهاز لتعدين العملات المشفرة في مداهمات في محافظات خوزستان "
            "وأصفهان وكرمان وطهران.", "ar", "2024-12-20")
    assert bans(r) == ["IR-06", "IR-08", "IR-10", "IR-23"]
    # a halt of something else, whose mining words are in the next sentence, is none
    r = rec("وتوقفت بعض المواقع عن قبول عملاء جدد حتى تموز/يوليو. ويتوقع أن تشحن حواسيب التعدين المتبقية الى الخارج.",
            "ar", "2024-10-15")
    assert bans(r) == []


def test_a_city_named_like_its_province_in_a_list_of_provinces_is_the_province():
    r = rec("Police raided farms in the provinces of Isfahan and Tehran.", "en")
    assert [(e["text"], e["type"], e["canonical"]) for e in r["entities"] if e["type"] != "DATE"] == [
        ("Isfahan", "PROVINCE", "IR-10"), ("Tehran", "PROVINCE", "IR-23")]
    r = rec("Miners moved from Tehran and Isfahan to Armenia.", "en")
    assert {e["type"] for e in r["entities"] if e["text"] in ("Tehran", "Isfahan")} == {"CITY"}


def test_towns_the_probes_named_and_a_place_inside_a_persons_name():
    r = rec("KOTA KINABALU, Aug 12 - Police have shut down 38 illegal bitcoin mining sites in Tawau and Sandakan "
            "since June. Miners moved rigs from Penang to Sabah.", "en", "2025-08-12")
    assert {e["canonical"] for e in r["entities"] if e["type"] == "CITY"} == {"Kota Kinabalu", "Tawau", "Sandakan"}
    assert moves(r, "origin", "destination") == [("MY-07", "MY-12")]
    r = rec("Sheikh Sabah al-Ahmad visited the farm. Kuwait's emir Sabah Al-Ahmad died.", "en")
    assert [e["canonical"] for e in r["entities"] if e["type"] in ("PROVINCE", "CITY")] == []


def test_a_dam_named_after_a_town_is_no_jurisdiction_and_districts_hold_their_towns():
    r = rec("BISHKEK, Dec 10 — Kyrgyzstan's Ministry of Energy has ordered all cryptocurrency mining farms to "
            "disconnect from the grid, as the country grapples with low water levels at the Toktogul reservoir.",
            "en", "2024-12-10")
    assert bans(r) == ["KG"]
    r = rec("أمرت وزارة الطاقة القرغيزية مزارع التعدين بالانفصال عن الشبكة بسبب انخفاض منسوب المياه في سد توكتوغول.",
            "ar", "2024-12-10")
    assert bans(r) == ["KG"]
    r = rec("وأفادت مصادر أمنية بأن الفرق داهمت 14 مستودعاً لتعدين البيتكوين في قضاءي سيفيرك وويران شهير.",
            "ar", "2024-03-01")
    assert bans(r) == ["TR-63"]
    # "the areas around it, of the states of Haryana and Uttar Pradesh": part of them, not from them
    r = rec("أمرت لجنة إدارة جودة الهواء في الهند بوقف عمل أفران الطوب في إقليم دلهي وفي المناطق المحيطة به من "
            "ولايتي هاريانا وأوتار براديش.", "ar", "2023-11-03")
    assert bans(r) == ["IN-DL", "IN-HR", "IN-UP"]


def test_quebec_ways_of_refusing_power_and_a_site_taken_down_before_the_move():
    for text, want in (("Hydro-Quebec will not resume handing out electricity to new cryptocurrency mining projects "
                        "this year, the provincial utility said.", ["CA-QC"]),
                       ("It is the second time in five years that Quebec has shut the door on miners.", ["CA-QC"]),
                       ("Requests from crypto miners topped 18,000 megawatts in June 2018, and the Quebec government asked "
                        "the utility to stop processing them.", ["CA-QC"])):
        assert bans(rec(text, "en", "2023-04-13")) == want, text
    r = rec("Over the winter the company dismantled its Val-d'Or facility and trucked about 2,500 machines to a "
            "hosting site in Rockdale, Texas.", "en", "2023-04-13")
    assert moves(r, "origin", "destination") == [("CA-QC", "US-TX")]
    r = rec("Laurentides Numerique, which runs a 12-megawatt site in Saint-Hyacinthe, said it plans to build its "
            "next 30 megawatts in Edmundston, New Brunswick.", "en", "2023-04-13")
    assert moves(r, "origin", "destination", "status") == [("CA-QC", "CA-NB", "planned")]
    assert moves(rec("The company will build its new plant in the coming months.", "en")) == []
    assert moves(rec("Some of the province's best-known miners have no reason to move.", "en")) == []


def test_arabic_doors_shut_on_miners_and_a_demonym_inside_a_provinces_name():
    r = rec("من مانيتوبا إلى كولومبيا البريطانية.. مقاطعات كندية توصد أبوابها أمام معدّني العملات المشفرة",
            "ar", "2023-01-09")
    assert bans(r) == ["CA"]  # not GB: "البريطانية" is a word of British Columbia's name


def test_arabic_the_scene_a_paragraph_opens_with_and_the_site_a_firm_runs():
    r = rec("وفي أباكان، لم ينتظر كثيرون بدء سريان الحظر. فقد نقل أليكسي الأجهزة مطلع تشرين الثاني/نوفمبر إلى مبنى "
            "مستأجر في مينوسينسك داخل إقليم كراسنويارسك.", "ar", "2025-11-20")
    assert moves(r, "origin", "destination") == [("RU-KK", "RU-KYA")]
    r = rec("In Abakan, few waited for the ban. Alexei moved his machines to a rented building in Minusinsk, in the "
            "Krasnoyarsk region.", "en", "2025-11-20")
    assert moves(r, "origin", "destination") == [("RU-KK", "RU-KYA")]
    # a new paragraph sets a new scene
    r = rec("In Abakan, few waited for the ban.\n\nAlexei moved his machines to the Krasnoyarsk region.", "en", "2025-11-20")
    assert moves(r, "origin") == [(None,)]
    r = rec("وفي أباكان، نقل أليكسي الأجهزة إلى مبنى مستأجر في مينوسينسك داخل إقليم كراسنويارسك.", "ar", "2025-11-20")
    assert moves(r, "origin", "destination") == [("RU-KK", "RU-KYA")]
    r = rec("أما شركة \"ينيسي كومبيوت\"، التي تشغّل مركز بيانات بقدرة 40 ميغاواط قرب سايانوغورسك، فقالت إنها تدرس "
            "نقل جزء من أجهزتها إلى منطقة كيميروفو.", "ar", "2025-11-20")
    assert moves(r, "origin", "destination", "status") == [("RU-KK", "RU-KEM", "planned")]


def test_the_end_of_cheap_power_pushes_a_move_that_no_ban_triggered():
    r = linked(rec("حظرت الصين تداول العملات المشفرة عام 2017. وفي منغوليا الداخلية، ألغت السلطات المحلية مطلع العام "
                   "أسعار الكهرباء التفضيلية لمزارع التعدين، ما دفع شركة «هاش ووركس» إلى نقل 10 آلاف جهاز إلى يونان.",
                   "ar", "2019-06-01"))
    assert moves(r, "origin", "destination") == [("CN-NM", "CN-YN")] and r["links"] == []
    r = linked(rec("China banned crypto trading in 2017. In Inner Mongolia, officials scrapped the preferential power "
                   "price for mining farms, pushing Hashworks to move 10,000 machines to Yunnan.", "en", "2019-06-01"))
    assert r["links"] == []


def test_eyeing_and_weighing_places_a_dateline_town_and_a_capitals_crackdown():
    r = rec("Laos cut off miners. A manager at a Savannakhet site said his employers were weighing Oman and Paraguay.",
            "en", "2025-05-01")
    assert moves(r, "destination", "status") == [("OM", "planned"), ("PY", "planned")]
    assert moves(rec("Laos cut off miners. Officials are weighing the risks to the grid.", "en", "2025-05-01")) == []
    assert moves(rec("Norway moves to block data centres; miners who fled Sweden eye Finland", "en", "2025-06-10"),
                 "origin", "destination") == [("SE", "FI")]
    r = rec("HERNANDARIAS, Paraguay - Carlos Medina arrived in this border town in June with 140 mining machines.",
            "en", "2024-09-01")
    assert moves(r, "destination") == [("PY-10",)]  # (a town written with its country: its province)
    r = rec("Fleeing Caracas's crackdown, Venezuelan bitcoin miners find a wary welcome in Paraguay", "en", "2024-09-01")
    assert bans(r) == ["VE"] and moves(r, "origin") == [("VE",)]


def test_a_move_told_first_in_the_title_leaves_the_province_banned_before_the_body_tells_it():
    r = linked(rec("Washington utility freezes new crypto hookups; miner eyes Wyoming\n\nThe Chelan County utility in "
                   "Washington state froze new connections for crypto miners on Monday. Should the freeze be extended, "
                   "Cascade Ledger would redeploy its machines to a site near Gillette, Wyoming, its chief said.",
                   "en", "2022-11-01"))
    assert moves(r, "origin", "destination") == [("US-WA", "US-WY")]


def test_a_place_that_attracted_miners_for_years_a_haven_abroad_and_arabic_seizures():
    for text, lang in (("وبذلك ينضم الإقليم، الذي اجتذب المعدّنين لسنوات بفضل الطاقة الكهرومائية الرخيصة، إلى منغوليا "
                        "الداخلية التي حظرت التعدين في أيار/مايو.", "ar"),
                       ("The province, which has attracted miners for years with cheap hydropower, thus joins Inner "
                        "Mongolia, which banned mining in May.", "en")):
        assert moves(rec(text, lang, "2021-06-21")) == [], text
    r = rec("سيتشوان تطفئ مزارع البتكوين والمعدّنون الصينيون يبحثون عن ملاذ في الخارج", "ar", "2021-06-21")
    assert moves(r, "origin", "destination") == [("CN", None)]
    r = rec("وقال المتحدث باسم الوزارة إن فرق الوزارة رفعت خلال الأسبوعين الأخيرين أكثر من 1500 جهاز تعدين من منازل "
            "ومحال في مناطق عدة من محافظة بغداد.", "ar", "2022-07-20")
    assert bans(r) == ["IQ-BG"]
    r = rec("وفي محافظة البصرة، أعلنت مديرية توزيع الكهرباء ضبط مولدات أهلية جرى تحويل خطوطها لتغذية أجهزة تعدين.",
            "ar", "2022-07-20")
    assert bans(r) == ["IQ-BA"]
    # a tax raised on the power mining machines use is no seizure
    r = rec("ورفعت الحكومة الضريبة على الكهرباء التي تستهلكها أجهزة التعدين.", "ar", "2023-08-01")
    assert bans(r) == []


def test_round_13_english_refusals_reopened_sites_switched_projects_and_seats():
    r = rec("A New York state judge on Thursday upheld the state's refusal to renew an air permit for a gas-fired "
            "power plant that feeds a bitcoin mining operation.", "en", "2024-03-07")
    assert bans(r) == ["US-NY"]
    r = rec("British Columbia imposed a pause on new connections for crypto miners. One of them is Fraser Digital, "
            "which operated about 12 megawatts in the B.C. interior before its expansion plans ran into the "
            "moratorium. It shut the site in early 2023 and reopened near Medicine Hat, in southeastern Alberta, "
            "that summer.", "en", "2024-02-01")
    assert moves(r, "origin", "destination") == [("CA-BC", "CA-AB")]
    r = rec("Manitoba announced a moratorium on new mining loads. A Winnipeg developer that had hoped to build a "
            "40-megawatt facility in Manitoba switched the project to Alberta after the pause was announced.",
            "en", "2024-02-01")
    assert moves(r, "origin", "destination") == [("CA-MB", "CA-AB")]
    r = linked(rec("British Columbia imposed a pause on new connections for crypto miners. Not every move abroad is "
                   "about policy. Toronto-listed Northbeam Mining expanded into Paraguay in 2023, chasing a lower "
                   "all-in power cost of under 4 cents a kilowatt-hour rather than reacting to any restriction in "
                   "Ontario, where it is headquartered.", "en", "2024-02-01"))
    assert moves(r, "origin", "destination") == [("CA-ON", "PY")] and r["links"] == []


def test_round_13_arabic_power_cut_by_a_named_grid_restricted_supply_and_moves_on_from_the_last_stop():
    r = rec("قطعت شركة كيغوك الكهرباء عن أكثر من 200 مزرعة تعدين لأسابيع.", "ar", "2022-10-01")
    assert bans(r) == ["KZ"]  # the grid company named inside the trigger's words: its country
    r = rec("وكانت منطقة بافلودار في الشمال الأكثر تضررا، تليها منطقة شرق كازاخستان، بعدما قيّدت \"كيغوك\" إمداد "
            "مزارع التعدين فيهما خلال ذروة الاستهلاك الشتوي.", "ar", "2022-10-01")
    assert bans(r) == ["KZ-55", "KZ-63"]
    # "فصل الشتاء … الكهرباء": a season, across a comma, cuts nothing
    r = rec("ويتراجع منسوب المياه بشدة خلال فصل الشتاء، ما يضطر سوخوم إلى استيراد الكهرباء من روسيا لمزارع التعدين.",
            "ar", "2022-10-01")
    assert bans(r) == []
    r = rec("ومن بين المغادرين أيضا شركات صينية كانت قد نقلت أجهزتها إلى كازاخستان بعد الحظر الذي فرضته بكين في "
            "مايو/أيار 2021، وهي تتجه الآن إلى الولايات المتحدة وروسيا.", "ar", "2022-10-01")
    assert moves(r, "origin", "destination") == [("CN", "KZ"), ("KZ", "US"), ("KZ", "RU")]
    r = rec("Chinese firms that had moved their rigs to Kazakhstan after Beijing's ban are now heading to the "
            "United States.", "en", "2022-10-01")
    assert moves(r, "origin", "destination") == [("CN", "KZ"), ("KZ", "US")]
    r = rec("فشركة \"ألاتاو ماينينغ\" من ألماتي توسعت إلى قرغيزستان.", "ar", "2022-10-01")
    assert moves(r, "destination") == [("KG",)]


def test_arabic_moved_to_it_from_a_region_in_a_neighbouring_country():
    r = rec("ولم تكن قرغيزستان المحطة الأولى للشركة. فقد نقلت أجهزتها إليها في ربيع 2022 من منطقة ألماتي في كازاخستان "
            "المجاورة، بعد أن قطعت السلطات الكازاخية الكهرباء عن المعدنين.", "ar", "2023-02-01")
    assert moves(r, "origin", "destination") == [("KZ-19", "KG")]
    # "إليه" after a site the sentence names is that site
    r = rec("وفي كينيا، افتتحت شركة \"ريفت باور\" موقعا في مقاطعة ناكورو، ونقلت إليه أجهزة كانت تعمل في إثيوبيا.",
            "ar", "2025-03-01")
    assert moves(r, "origin", "destination") == [("ET", "KE-31")]


def test_arabic_smuggled_machines_a_news_agency_that_reports_and_the_speaker_who_moves():
    r = rec("فقد قال رجل أعمال من الأهواز إنه وشريكين له هرّبوا نحو 600 جهاز عبر الحدود إلى إقليم كردستان العراق.",
            "ar", "2024-07-28")
    assert moves(r, "origin", "destination") == [("IR-06", "IQ-KR")]
    # "الكهرباء" holds the letters of "هرب"; "بحسب ما نقلته وكالة" reports
    r = rec("صادرت الشرطة 4500 جهاز تعدين في محافظة كرمان، بحسب ما نقلته وكالة \"إرنا\"، وقطعت الكهرباء عن المزارع.",
            "ar", "2024-07-28")
    assert moves(r) == []
    r = rec("وتستضيف النرويج مراكز تعدين، بعدما انتقل إليها معدنون من الصين عقب حظر بكين.", "ar", "2024-07-28")
    assert moves(r, "origin", "destination") == [("CN", "NO")]
    r = rec("أما حميد، وهو معدّن في أصفهان أُغلقت مزرعته الشهر الماضي، فيقول إنه يفكر جديا في نقل ما تبقى لديه إلى "
            "أرمينيا.", "ar", "2024-07-28")
    assert moves(r, "origin", "destination") == [("IR-10", "AM")]
    r = rec("Reza, a miner in Isfahan, said he was moving his rigs to Armenia.", "en", "2024-07-28")
    assert moves(r, "origin", "destination") == [("IR-10", "AM")]


def test_round_13_china_a_flood_of_miners_the_coal_rich_region_and_a_xinjiang_based_operator():
    r = rec("Wang was among the thousands of Chinese miners who flooded into Kazakhstan after Beijing outlawed "
            "cryptocurrency mining last year.", "en", "2022-02-10")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]
    r = rec("Almaty-based Steppe Hash opened a second site across the border in Kyrgyzstan back in 2020.", "en", "2022-02-10")
    assert moves(r, "destination") == [("KG",)]
    r = rec("The State Council pledged to crack down on bitcoin mining on May 21. Inner Mongolia was first. The "
            "coal-rich region said in March that it would close all cryptocurrency mining projects by the end of "
            "April. Many of the miners who fled Inner Mongolia this spring went to Sichuan. Farther afield, a "
            "Xinjiang-based operator said it was in talks to relocate 200 megawatts of capacity to Texas.",
            "en", "2021-06-15")
    assert bans(r) == ["CN", "CN-NM"]
    assert moves(r, "origin", "destination", "status") == [("CN-NM", "CN-SC", "completed"), ("CN-XJ", "US-TX", "planned")]
    # further back, "the region" stands for the province only as the subject
    r = rec("Irkutsk has cheap power. That has already made the region home to hundreds of legal and illegal "
            "mining farms.", "en", "2021-06-15")
    assert bans(r) == []


def test_an_industry_that_rushed_into_the_country_after_another_ban():
    r = linked(rec("ADDIS ABABA — Ethiopia's state utility will stop signing electricity contracts with new "
                   "cryptocurrency miners, officials said, closing the door on an industry that rushed into the "
                   "country after China's crackdown.", "en", "2024-06-01"))
    assert moves(r, "origin", "destination") == [(None, "ET")]
    jur = {e["id"]: e.get("jurisdiction") for e in r["events"]}
    assert [jur[k["from"]] for k in r["links"]] == ["CN"]  # not Ethiopia's own ban


def test_a_firm_that_hosts_clients_machines_from_elsewhere_leaves_its_own_warehouse():
    r = linked(rec("Dagestan banned mining. Kaspiy Mining, which hosts machines for clients from Moscow in a warehouse "
                   "in Derbent, is weighing a move to Armenia, founder Magomed Aliyev told reporters.", "en", "2025-03-04"))
    assert moves(r, "origin", "destination") == [("RU-DA", "AM")] and len(r["links"]) == 1


def test_malaysian_company_suffixes_end_a_company_not_a_person():
    r = rec("KOTA KINABALU, Aug 12 - Sabah Electricity Sdn Bhd (SESB) and the police have shut down 38 illegal bitcoin "
            "mining sites in Tawau since June. Tenaga Nasional Bhd cut power to farms in Kedah.", "en", "2025-08-12")
    assert not [e for e in r["entities"] if e["type"] == "PERSON"]
    assert bans(r) == ["MY-02", "MY-12"]


def test_a_seat_inside_the_country_left_and_wa_faffara_that_provides():
    r = rec("أما شركة \"ينيسي كومبيوت\"، التي تشغّل مركز بيانات بقدرة 40 ميغاواط قرب سايانوغورسك، فقالت إنها تدرس نقل "
            "جزء من أجهزتها إلى منطقة كيميروفو، أو إلى خارج روسيا، مشيرة إلى إثيوبيا وكازاخستان.", "ar", "2025-11-20")
    assert {m for m in moves(r, "origin")} == {("RU-KK",)}
    # "وفّر" (provided) folds like "و + فر" (and fled)
    r = rec("حظرت روسيا التعدين. وتقول إن الحظر الموسمي وحده وفّر في الشتاء الماضي ما يكفي لتزويد مدينة بالكهرباء.",
            "ar", "2025-11-20")
    assert moves(r) == []
    r = rec("حظرت الصين التعدين. وفر المعدنون من الصين إلى كازاخستان.", "ar", "2021-09-01")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]


def test_round_14_english_power_kept_off_closed_sites_and_where_machines_went():
    # a grid company's cut-off is a ban when it is for miners, however they are described
    r = rec("Kazakhstan's grid operator KEGOC will keep electricity switched off for the country's registered "
            "cryptocurrency miners until March.", "en", "2022-02-03")
    assert bans(r) == ["KZ"]
    r = rec("In Kazakhstan, inspectors have closed 81 unregistered \"grey\" mining sites since December.", "en", "2022-02-03")
    assert bans(r) == ["KZ"]
    r = rec("Beijing ordered the industry out of China in 2021.", "en", "2022-02-03")
    assert bans(r) == ["CN"]
    r = rec("In Trøndelag, county planners turned down two proposed mining sites in March.", "en", "2024-11-20")
    assert bans(r) == ["NO-50"]
    r = rec("In February Ethiopian Electric Power said it would sign no new power agreements with miners.", "en", "2025-03-11")
    assert bans(r) == ["ET"]
    r = rec("Buryatia said it had no immediate plans to restrict mining.", "en", "2024-02-09")
    assert bans(r) == []
    # where the machines went: sites around a town, a town in its region, premises without a determiner
    r = rec("Hanfeng Mining moved 25,000 rigs from its sites around Chengdu to a campus near Rockdale, Texas.", "en", "2022-01-05")
    assert moves(r, "origin", "destination") == [("CN-SC", "US-TX")]
    r = rec("Mohawk Compute moved 4,000 machines from a warehouse in Utica to a former coal-processing site in "
            "Paintsville, Kentucky, in December.", "en", "2023-03-06")
    assert moves(r, "destination") == [("US-KY",)]
    r = rec("Baikal Compute said it had trucked its fleet 5,000 km from Angarsk to Kondopoga in Karelia.", "en", "2024-02-09")
    assert moves(r, "origin", "destination") == [("RU-IRK", "RU-KR")]
    r = rec("Dozens of operators moved rigs from Carabobo to rented warehouses in Paraguay's Central department, "
            "and others moved equipment into licensed farms in Semnan.", "en", "2024-06-28")
    assert moves(r, "origin", "destination") == [("VE-G", "PY-11"), (None, "IR-20")]
    r = rec("Several had set up near hydropower plants in Bolikhamxay.", "en", "2023-01-01")
    assert moves(r, "destination") == [("LA-BL",)]
    r = rec("TaigaHash said it had expanded from Krasnoyarsk region into Bratsk in Irkutsk region.", "en", "2024-02-09")
    assert moves(r, "origin", "destination") == [("RU-KYA", "RU-IRK")]
    # considered places, pushes told with a longer object, and what is no move
    r = rec("Lakeshore Mining is negotiating for land in Washington County, Georgia. A second operator said it was "
            "studying sites near Oulu. The company had begun talks on sites in Brazil's Parana state.", "en", "2023-03-06")
    assert moves(r, "destination", "status") == [("US-GA", "planned"), ("FI-14", "planned"), ("BR-PR", "planned")]
    r = rec("The summer orders have nudged a steady stream of Iranian miners toward Armenia.", "en", "2024-07-01")
    assert moves(r, "destination") == [("AM",)]
    r = rec("Kyrgyzstan cut miners off last winter, but they waited out the cuts rather than leaving for Kazakhstan. "
            "Officers arriving at one shoplot in Kedah found 180 machines.", "en", "2024-05-20")
    assert moves(r) == []


def test_round_14_arabic_a_second_order_before_its_cue_frozen_requests_and_who_moved():
    r = rec("وفي يونيو، أمرت إدارة الصناعة في تشينغهاي بإغلاق مشاريع التعدين في المقاطعة، وبعد أيام فتحت السلطات "
            "في يونان تحقيقاً في سرقة الكهرباء من جانب مزارع التعدين، قبل أن تأمر بإغلاقها.", "ar", "2021-09-15")
    assert bans(r) == ["CN-QH", "CN-YN"]
    r = rec("وفي العام نفسه، جمدت حكومة كيبيك طلبات الربط الجديدة لمشاريع العملات المشفرة.", "ar", "2021-09-15")
    assert bans(r) == ["CA-QC"]
    r = rec("ونقل معدنون أجهزتهم إلى جورجيا، مستفيدين من أن جورجيا لا تفرض أي قيود على التعدين.", "ar", "2022-11-24")
    assert bans(r) == []
    # "الروسية" is an adjective of the region, not "the Russians" moving
    r = rec("وقرر نقل أجهزته إلى منطقة إيركوتسك الروسية.", "ar", "2022-03-09")
    assert moves(r, "origin", "destination") == [(None, "RU-IRK")]
    # "الألباني" (Albanian) is not Albany; "from the capital Tirana" leaves its county (AL-11)
    r = rec("ونقل رجل الأعمال الألباني مزرعته من العاصمة تيرانا إلى كوسوفو.", "ar", "2022-01-10")
    assert not [e for e in r["entities"] if e.get("canonical") == "Albany"]
    assert moves(r, "origin", "destination") == [("AL-11", "XK")]
    # a scene set in the place they go: the movers' demonym says where they left
    r = rec("وفي إقليم كردستان العراق، يقول مستثمرون إن معدنين إيرانيين نقلوا مئات الأجهزة إلى مستودعات في "
            "محافظة السليمانية.", "ar", "2024-07-23")
    assert moves(r, "origin", "destination") == [("IR", "IQ-KR")]


def test_bans_in_general_and_a_town_left_in_its_province():
    r = rec("Norway will ban new mining data centres. And not every move in the region is about bans.", "en", "2024-11-20")
    assert bans(r) == ["NO"]
    r = rec("In 2018 the company left Ordos, in Inner Mongolia, where it paid for coal power, and set up in Ya'an "
            "because hydropower was cheaper.", "en", "2024-09-16")
    assert moves(r, "origin", "destination", "date") == [("CN-NM", "CN-SC", "2018")]


def test_the_town_of_a_place_and_a_move_made_again_leaves_where_the_last_one_went():
    r = rec("Miners moved to the mining town of Ekibastuz. Others left the state of Sichuan for Texas.", "en", "2022-01-01")
    assert moves(r, "origin", "destination") == [(None, "KZ-55"), ("CN-SC", "US-TX")]
    r = rec("By July 2021 he had sent 250 rigs to Armenia. Armenia worked for a while. In February he moved the "
            "Armenian fleet again, to a hosting site in the industrial port of Sohar, in Oman.", "en", "2024-11-20")
    assert moves(r, "origin", "destination") == [(None, "AM"), ("AM", "OM-BS")]


def test_a_ranking_of_destinations_and_a_list_that_names_them_later():
    r = linked(rec("The United States became the top destination for Chinese miners fleeing the crackdown, followed "
                   "by Kazakhstan, Russia and Canada.", "en", "2021-09-15"))
    assert bans(r) == ["CN"]  # not the places of the ranking, nor the destination before "fleeing"
    assert moves(r, "origin", "destination") == [("CN", "US"), ("CN", "KZ"), ("CN", "RU"), ("CN", "CA")]
    r = rec("باتت الولايات المتحدة الوجهة الأولى للمعدنين الصينيين الفارين من الحملة، تليها كازاخستان ثم روسيا وكندا.",
            "ar", "2021-09-15")
    assert moves(r, "origin", "destination") == [("CN", "US"), ("CN", "KZ"), ("CN", "RU"), ("CN", "CA")]
    r = rec("بعد حظر الصين عام 2021، لم تعد الخريطة تقتصر على الوجهات التقليدية التي استقبلت المعدنين، كالولايات "
            "المتحدة وكازاخستان.", "ar", "2025-02-18")
    assert [d for (d,) in moves(r, "destination")] == ["US", "KZ"]
    # a name that begins with the letter of "like" is no list
    r = rec("وكانت الوجهات كثيرة. وزار كازاخستان وفد من المستثمرين.", "ar", "2025-02-18")
    assert moves(r, "destination") == []


def test_power_cut_to_a_town_in_its_region_bans_there():
    r = rec("Crypto mining farms across the border were hit. The Provincial Electricity Authority cut supply to "
            "Myawaddy in Myanmar's Kayin State and to Tachileik in Shan State.", "en", "2025-02-07")
    assert bans(r) == ["MM-13", "MM-17"]


def test_what_is_moved_the_clause_before_until_and_a_pronoun_mover_after_its_sites():
    r = rec("The company is considering moving part of its Paraguayan fleet across the river into Brazil's Paraná "
            "state.", "en", "2024-09-10")
    assert moves(r, "origin", "destination") == [("PY", "BR-PR")]
    r = rec("Its founders previously ran machines in Ekibastuz, in Kazakhstan's Pavlodar region, until the Kazakh "
            "grid operator KEGOC began rationing power to registered miners in early 2022. The company moved "
            "about 4,000 machines to Navoi this year.", "en", "2023-09-05")
    assert bans(r) == ["KZ"]
    assert moves(r, "origin", "destination") == [("KZ-55", "UZ-NW")]


def test_round_15_arabic_subject_clause_workshops_warehouses_and_the_story_mover():
    r = rec("وفي قاراغندا، قالت شركة \"ساري أرقا داتا\" إنها بدأت شحن 3 آلاف جهاز إلى ولاية تكساس.", "ar", "2022-02-08")
    assert moves(r, "origin", "destination") == [("KZ-35", "US-TX")]
    # the place right after the verb bans; a later clause's places do not
    r = rec("وصلت الشركات بعد أن حظرت الصين التعدين في ٢٠٢١، حاملة أجهزتها التي لم تعد تجد لها مكاناً في شينجيانغ "
            "وسيتشوان.", "ar", "2025-02-18")
    assert bans(r) == ["CN"]
    r = rec("ففي حزيران 2021 نقل الرجل 150 جهازاً من ورشته في سنندج إلى مستودع مستأجر على الطريق بين السليمانية "
            "وبنجوين.", "ar", "2022-08-10")
    assert moves(r, "origin") == [("IR-12",)] and len(moves(r, "destination")) == 1
    # "لن يعود إلى إيران" is where he will not go; "إليها" after the object is the nearest place
    r = rec("ويؤكد رحيمي أنه لن يعود إلى إيران، وأنه استأجر مساحة قرب يريفان، عاصمة أرمينيا، على أن ينقل أجهزته إليها "
            "خلال الخريف.", "ar", "2022-08-10")
    assert moves(r, "destination") == [("AM-ER",)]
    # the unnamed mover of a story leaves where the last move took him
    r = rec("وفي صيف 2021 نقل أجهزته من أصفهان إلى أرمينيا. وفي شباط من العام التالي، نقل 180 آلة إلى كوتايسي.",
            "ar", "2024-07-15")
    assert moves(r, "origin", "destination") == [("IR-10", "AM"), ("AM", "GE-IM")]


def test_round_15_english_projects_a_site_studied_the_province_and_operations_barred():
    r = rec("Montreal-based Laurentide Compute said it would move 18 MW of equipment from its site in Drummondville "
            "to a flare-gas project near Añelo, in Argentina's Neuquén province. Laurentide is also studying a site "
            "in Brazil's Bahia state.", "en", "2023-05-18")
    # (the studied site in Brazil leaves where Montreal-based Laurentide runs its machines)
    assert moves(r, "origin", "destination") == [("CA-QC", "AR-Q"), ("CA-QC", "BR-BA")]
    r = rec("Quebec froze mining hookups in 2018. Several firms that set up in the province in 2017 are still there.",
            "en", "2023-05-18")
    assert moves(r, "destination") == [("CA-QC",)]
    r = rec("The city council in Arkansas adopted an ordinance that bars new crypto mining operations near homes.",
            "en", "2024-06-14")
    assert bans(r) == ["US-AR"]


def test_a_body_that_announces_its_own_ban_and_ilayha_to_the_place_taken_for_a_seat():
    r = rec("وتفرض الحكومة الروسية حظرا موسميا على التعدين. وفي كانون الثاني أيضاً أعلنت المؤسسة الإثيوبية للطاقة "
            "الكهربائية أنها لن تقبل طلبات جديدة من شركات التعدين.", "ar", "2025-02-18")
    assert "ET" in bans(r)
    r = rec("ويقول ليندكفيست إن الشركة تتفاوض على أرض صناعية قرب مدينة تورنيو في لابلاند الفنلندية، وتعتزم نقل أجهزتها "
            "إليها خلال الصيف المقبل.", "ar", "2024-11-05")
    assert moves(r, "origin", "destination") == [(None, "FI-10")]


def test_round_16_english_machines_run_elsewhere_a_site_where_they_go_and_the_same_mover_again():
    r = rec("Ruyi Computing, a Shenzhen-based hosting firm, said it planned to move 15,000 machines it had been "
            "running in Sichuan to Texas.", "en", "2021-06-21")
    assert moves(r, "origin", "destination") == [("CN-SC", "US-TX")]
    r = rec("Canada drew Chinese miners mainly to gas-rich Alberta.", "en", "2021-12-01")
    assert moves(r, "origin", "destination") == [("CN", "CA-AB")]
    r = rec("By mid-2023 Tengri had moved 8,000 machines to Paraguay, to a leased industrial site in Villeta, in the "
            "Central department.", "en", "2024-01-01")
    assert moves(r, "destination") == [("PY-11",)]
    r = rec("Miners sent half of those rigs to Kazakhstan, where a partner runs a site near Ekibastuz. Parsa Hash is "
            "considering moving half its machines to Oman, where it is in talks with a host near Sohar.", "en", "2024-07-01")
    assert moves(r, "destination") == [("KZ-55",), ("OM-BS",)]
    r = rec("Some carried their rigs into Georgia's Samegrelo region, where warehouses outside Zugdidi now house "
            "machines brought in from the other side.", "en", "2022-11-24")
    assert moves(r, "origin", "destination") == [(None, "GE-SZ")]
    r = rec("Wang Lei moved his rigs to Ekibastuz in 2021. The power was cheap. In April 2022 he loaded his machines "
            "onto rail wagons bound for Russia's Irkutsk region.", "en", "2024-01-18")
    assert moves(r, "origin", "destination") == [(None, "KZ-55"), ("KZ-55", "RU-IRK")]


def test_round_16_arabic_appositions_similar_bans_headlines_and_regions():
    # the places that describe a place do not ban; "a similar ban" is there again
    r = rec("سوخوم - بدأت السلطات في أبخازيا، الإقليم الانفصالي عن جورجيا الذي تعترف به روسيا، أمس تطبيق حظر شامل على "
            "تعدين العملات المشفرة. ويقول السكان إن الكهرباء تحسنت. وليست هذه التجربة الأولى؛ فقد فرضت السلطات حظراً "
            "مماثلاً في شتاء ٢٠٢٠.", "ar", "2022-12-02")
    assert set(bans(r)) == {"GE-AB"}
    r = rec("Abkhazia, a breakaway region of Georgia recognised by Russia, banned crypto mining in 2020.", "en", "2022-12-02")
    assert bans(r) == ["GE-AB"]
    # a headline of a ban and a move: the move leaves the banned place
    r = rec("سيتشوان تقطع الكهرباء عن مزارع التعدين وعمّال البيتكوين يشحنون أجهزتهم نحو كازاخستان\n"
            "تشنغدو - قطعت الشبكة الكهرباء.", "ar", "2021-06-21")
    assert ("CN-SC", "KZ") in moves(r, "origin", "destination")
    # shipping brokers, mobile machines and another spelling of Karaganda
    r = rec("ويقول وسطاء شحن في شنتشن إن الأسعار ارتفعت. وتبقى الأجهزة المتنقلة في حاويات رهينة للأسعار في كازاخستان. "
            "أما مزرعة في مقاطعة قراغندي يملكها مستثمرون صينيون، فقد بدأت شحن أجهزتها إلى ولاية تكساس.", "ar", "2022-02-03")
    assert moves(r, "origin", "destination") == [("KZ-35", "US-TX")]


def test_round_17_english_bars_mining_whose_farms_fronted_causes_and_raids_around_a_town():
    r = rec("The decree bars mining until 2031 in ten regions, six of them in the North Caucasus: Dagestan, Chechnya "
            "and Ingushetia.", "en", "2024-12-24")
    assert bans(r) == ["RU-CE", "RU-DA", "RU-IN"]
    r = rec("Alberta took in Qianshan Holdings, a Hong Kong-listed group whose Sichuan mining farms were switched off "
            "in June.", "en", "2021-10-01")
    assert bans(r) == ["CN-SC"]
    r = rec("Kazakhstan's grid is strained. In January 2022, after unrest in Almaty and other cities, the energy "
            "ministry ordered the disconnection of unregistered mining farms.", "en", "2023-02-07")
    assert bans(r) == ["KZ"]
    r = rec("The state utility ANDE has raided illegal mining connections around Hernandarias since 2023.", "en", "2025-02-14")
    assert bans(r) == ["PY-10"]


def test_round_17_arabic_what_they_say_a_feared_ban_a_port_passed_through_and_a_neighbour():
    r = rec("فقد أعلنت شركة \"هاشبو\" للتعدين، ومقرها شنتشن، أنها تعتزم نقل نحو 20 ألف جهاز من مزارعها في شينجيانغ إلى "
            "ولاية تكساس الأميركية، وقالت في بيان إن \"البقاء في الصين لم يعد خياراً\".", "ar", "2021-06-20")
    assert moves(r, "origin", "destination") == [("CN-XJ", "US-TX")]
    r = rec("وفي تبريز، قال تاجر إن زبائنه في المدينة نقلوا خلال الشهر الجاري، تحسباً للحظر، نحو ألف جهاز إلى أرمينيا.",
            "ar", "2021-05-26")
    assert bans(r) == [] and moves(r, "origin", "destination") == [("IR-03", "AM")]
    r = rec("وفي كانون الثاني الماضي شحن ١٢٠٠ جهاز بحراً إلى جيبوتي، ومنها براً إلى إثيوبيا.", "ar", "2025-03-04")
    assert moves(r, "destination") == [("ET",)]
    r = rec("ويتحدث معدّنون في إنغوشيا عن نقل أجهزتهم إلى قرغيزستان المجاورة لكازاخستان.", "ar", "2024-12-24")
    assert moves(r, "origin", "destination") == [("RU-IN", "KG")]
    r = rec("حملات على مناجم البيتكوين المنزلية... ومعدّنون لا يغادرون", "ar", "2025-05-12")
    assert moves(r) == []


def test_a_ban_in_several_regions_is_theirs_where_the_article_names_them():
    r = rec("روسيا تبدأ تطبيق حظر التعدين في مناطق عدة\nموسكو - حظرت الحكومة التعدين في جمهورية داغستان.", "ar", "2025-01-15")
    assert bans(r) == ["RU-DA"]
    r = rec("Russia bans crypto mining in ten regions\nThe decree bars mining in Dagestan and Chechnya.", "en", "2024-12-24")
    assert bans(r) == ["RU-CE", "RU-DA"]
    r = rec("Russia's government has banned cryptocurrency mining in ten regions.", "en", "2024-12-24")
    assert bans(r) == ["RU"]  # (none of them named: the country's ban stays)


def test_a_move_made_again_from_a_town_leaves_the_towns_province():
    r = rec("SteppeCompute, which moved 3,000 machines from Kazakhstan's Karaganda region to Cheremkhovo in 2022, said "
            "it would relocate them again, this time to Karelia, in February.", "en", "2024-12-24")
    assert ("RU-IRK", "RU-KR") in moves(r, "origin", "destination")
    assert all(o is None or len(o) == 2 or "-" in o for (o,) in moves(r, "origin"))  # ISO ids, no town


def test_a_price_of_shipping_what_is_left_over_and_a_clause_of_time_are_no_moves():
    r = rec("Export permits take weeks, and sending a container of mining machines to Asunción costs about $9,000.",
            "en", "2024-05-21")
    assert moves(r) == []
    r = rec("Crypto miners will get what is left over, an official told reporters in Astana.", "en", "2023-02-07")
    assert moves(r) == []
    r = rec("The mining firm had arrived from Germany in 2019, when power in Kosovo was among the cheapest in Europe.",
            "en", "2022-01-12")
    assert [d for (d,) in moves(r, "destination")] != ["Europe"]


def test_raids_told_by_the_premises_or_far_from_the_mining_word():
    # (in an article about mining)
    r = rec("Illegal crypto mining farms strain the grid. Since then the National Police have raided "
            "warehouses in the Viana and Cacuaco municipalities of Luanda province.", "en")
    assert juris(r) == ["AO-LUA"]
    r = rec("A smaller sweep in the Jahra governorate on Sunday found rigs in 14 houses.", "en")
    assert juris(r) == ["KW-JA"]
    r = rec("Crypto mining boomed in Siberia. In 2023 the authorities in the Irkutsk region began raiding "
            "households that mined on cheap residential tariffs.", "en")
    assert juris(r) == ["RU-IRK"]
    r = rec("انتشر تعدين البيتكوين في المنازل. ودهمت الشرطة خلال الأسبوعين الماضيين 112 منزلاً في منطقة "
            "الوفرة وضواحٍ أخرى من محافظة الأحمدي.", "ar")
    assert juris(r) == ["KW-AH"]
    # "two of the raided houses": houses, no raid told there
    r = rec("Illegal crypto mining farms strain the grid. An Egyptian technician who worked at two of "
            "the raided houses said his employer left.", "en")
    assert _bans(r) == []
    # no mining said near the raid and no premises raided: no ban
    r = rec("Illegal crypto mining farms strain the grid. Police raided a nightclub in Kedah on Friday.", "en")
    assert _bans(r) == []


def test_an_order_and_what_it_orders_a_source_s_place_and_the_province_as_a_haven():
    # "أمرت … في أيار/مايو من ذلك العام بوقف …" is one ban, and where the traders who tell
    # of it sit is not where it applies
    r = rec("وكان الإقليم قد تحول إلى ملاذ لمعدنين عبروا الحدود من إيران، بعدما أمرت السلطات الإيرانية "
            "في أيار/مايو من ذلك العام بوقف التعدين أربعة أشهر، بحسب تجار في سوق الإلكترونيات بالسليمانية.", "ar")
    assert juris(r) == ["IR"]
    r = rec("Miners fled Xinjiang in 2021. Many went to Ekibastuz in Pavlodar Region. Officials in Kazakhstan "
            "ordered farms in the province to halt, according to traders in Almaty.", "en")
    assert juris(r) == ["KZ"]
    # "الإقليم" is the region told before with that noun ("إقليم كردستان"), not a province told after it
    r = rec("حظر إقليم كردستان العراق التعدين. ونقل معدنون أجهزتهم من محافظة كرمانشاه. وكان الإقليم قد "
            "تحول إلى ملاذ لمعدنين عبروا الحدود من إيران.", "ar")
    assert ("IR", "IQ-KR") in moves(r, "origin", "destination")


def test_a_ban_no_one_made():
    r = rec("Ask a miner why he is setting up in Brazil and the answer is rarely a government ban.", "en")
    assert _bans(r) == []
    r = rec("نقلت الشركة نشاطها من موسكو إلى إيركوتسك عام 2019، حين كانت تعرفة الكهرباء هناك من الأدنى "
            "في روسيا، ولم يكن أحد يتحدث عن حظر.", "ar")
    assert _bans(r) == [] and moves(r, "origin", "destination") == [("RU-MOW", "RU-IRK")]


def test_taking_the_fleet_to_a_terminal_and_a_county_named_after_a_state():
    r = rec("In the summer of 2019 he took the fleet, by then 3,000 machines, to a former grain terminal "
            "near Selkirk, Manitoba.", "en")
    assert moves(r, "destination") == [("CA-MB",)]
    r = rec("Lakeshore Hash took 20 MW of machines to a gas-fired campus in Ohio in 2023.", "en")
    assert moves(r, "destination") == [("US-OH",)]
    r = rec("They shipped about 1,500 machines to a hosting company near Addis Ababa.", "en")
    assert moves(r, "destination") == [("ET-AA",)]
    r = rec("Finger Lakes Digital moved the project to a waste-coal plant in Indiana County, Pennsylvania.", "en")
    assert moves(r, "destination") == [("US-PA",)]
    assert ("REGION", "Indiana County") in [(e["type"], e["text"]) for e in r["entities"]]


def test_arabic_bans_whose_subject_follows_the_verb():
    r = rec("وأوضح أن نقطة التحول جاءت في أيار/مايو 2021، عندما أمر الرئيس الإيراني آنذاك حسن روحاني "
            "بوقف كل أنشطة التعدين.", "ar")
    assert juris(r) == ["IR"]
    assert "حسن روحاني" in [e["text"] for e in r["entities"] if e["type"] == "PERSON"]  # not "… بوقف"
    r = rec("وانتشر تعدين البيتكوين في إيران. ففي العام الماضي طلبت شركة توانير الحكومية من المزارع "
            "المرخصة فصل أجهزتها خلال ساعات الذروة.", "ar")
    assert juris(r) == ["IR"]
    # "فصل الصيف" is the summer season, not a disconnection
    r = rec("وانتشر تعدين البيتكوين في إيران. وطلبت شركة توانير من المشتركين ترشيد الاستهلاك خلال فصل الصيف.", "ar")
    assert _bans(r) == []


def test_inspection_campaigns_seizures_told_far_from_the_devices_and_a_cause_after_the_move():
    r = rec("كشفت هيئة تنظيم قطاع الطاقة أن حملات التفتيش التي نفذتها خلال عام 2022 أسفرت عن ضبط 230 حالة "
            "اعتداء على الشبكة الكهربائية بهدف تشغيل أجهزة تعدين العملات الرقمية في محافظتي إربد والمفرق.", "ar")
    assert sorted(juris(r)) == ["JO-IR", "JO-MA"]
    r = rec("نقلت المهندسة مشروعها الصغير عام 2020 إلى مدينة إكيباستوز في كازاخستان، بعد أن وجدت عرض استضافة "
            "بنصف كلفة الكهرباء التجارية في الأردن.", "ar")
    assert moves(r, "destination") == [("KZ-55",)]


def test_kazakhstan_spelt_with_qaf_and_peoples_plurals_after_the_movers():
    r = rec("نقل معدّنون قرغيز أجهزتهم في شتاء 2023 إلى قازاقستان.", "ar")
    assert moves(r, "origin", "destination") == [("KG", "KZ")]
    r = rec("نقل معدنون أوزبك أجهزتهم إلى مدينة تراز.", "ar")
    assert moves(r, "origin", "destination") == [("UZ", "KZ-31")]
    r = rec("ويخطط المعدّنون لنقل أجهزتهم إلى قزاقستان.", "ar")
    assert moves(r, "destination") == [("KZ",)]


def test_where_the_people_who_tell_it_are_is_no_destination():
    r = rec("من خلال مقابلات مع وسطاء ومعدّنين في بيشكيك ودوشنبه، تبرز أربع وجهات رئيسية للمعدنين.", "ar")
    assert moves(r, "destination") == []
    r = rec("ويقدّر وسطاء في دبي أن مئات المعدّنين الإيرانيين سلكوا المسار نفسه نحو الإمارات منذ 2021، "
            "هرباً من أوامر الإغلاق الصيفية.", "ar")
    assert moves(r, "origin", "destination") == [("IR", "AE")]


def test_a_clause_about_the_origin_and_a_turn_of_the_sums():
    r = rec("ومنذ 2019 اعتادت الشركة نقل جزء من أجهزتها كل ربيع من شينجيانغ، حيث تولد الكهرباء من الفحم، "
            "إلى سيتشوان مع بداية الموسم المطير.", "ar")
    assert moves(r, "origin", "destination") == [("CN-XJ", "CN-SC")]
    r = rec("لكن الحسابات انقلبت في أيار 2021 في الصين، عندما دعت اللجنة إلى قمع تعدين البيتكوين.", "ar")
    assert moves(r, "origin") == []


def test_cutting_off_farms_a_sweep_through_towns_and_as_far_as_a_destination():
    r = rec("Malaysian police seized 1,140 cryptocurrency mining machines in raids across Perak, extending a "
            "crackdown that operators say is pushing their rigs into Thailand and as far as Laos. In Sarawak, "
            "the state utility Sarawak Energy began cutting off illegal farms around Miri in 2021, and Sabah "
            "Electricity ran its own sweep through Sandakan and Tawau the following year.", "en", published="2024-05-14")
    assert sorted(juris(r)) == ["MY", "MY-08", "MY-12", "MY-13"]


def test_a_move_on_condition_of_a_ban_carries_the_condition():
    r = rec("He said the company had begun talks on sites in Brazil's Parana state should the ban become law.", "en")
    assert [c["id"] for m in r["events"] if m["type"] == "MIGRATION" for c in m.get("cues", [])] == ["cue.if"]
    r = rec("وقالت الشركة إنها ستنقل أجهزتها إلى البرازيل إذا أقر مجلس النواب الحظر.", "ar")
    assert [c["id"] for m in r["events"] if m["type"] == "MIGRATION" for c in m.get("cues", [])] == ["cue.if"]


def test_a_move_ahead_of_a_ban_taking_effect_is_no_move_before_the_ban():
    r = linked(rec("لكن الحكومة الروسية قررت حظر التعدين خلال أشهر الشتاء في جنوب إيركوتسك اعتباراً من الشهر المقبل. "
                   "ويقول مؤسس الشركة إنه يخطط لنقل نصف الأجهزة من أنغارسك إلى قازاقستان قبل أن يسري الحظر الروسي.",
                   "ar", "2024-12-05"))
    mv = [e for e in r["events"] if e["type"] == "MIGRATION"]
    assert len(mv) == 1 and not mv[0].get("earlier") and "cue.ahead" in [c["id"] for c in mv[0]["cues"]]
    assert [l["to"] for l in r["links"]] == [mv[0]["id"]]
    r = rec("A mining company in the southern Irkutsk region said it would shift 3 MW of capacity to the "
            "Krasnoyarsk region before the seasonal ban returns in November.", "en", "2024-06-01")
    mv = [e for e in r["events"] if e["type"] == "MIGRATION"]
    assert len(mv) == 1 and not mv[0].get("earlier")
    # before a ban that had not come: earlier
    r = rec("Canaan had moved to Kazakhstan in 2020, before the crackdown.", "en", "2024-06-01")
    assert [e.get("earlier") for e in r["events"] if e["type"] == "MIGRATION"] == [True]


def test_a_move_told_less_precisely_in_the_title_or_the_sentence_before_gives_way():
    r = rec("Kazakhstan cuts power to miners; some head for Russia\n\nMany came from Kazakhstan: Altyn Bit, a "
            "Kazakh-owned operator, moved roughly 2,000 machines from Ekibastuz to Irkutsk.", "en", "2024-03-01")
    assert ("KZ-55", "RU-IRK") in moves(r, "origin", "destination")
    assert not [m for m in moves(r, "origin", "destination") if m[1] == "RU"]
    # a move within one place is no precise telling of anything
    r = rec("Miners carried their rigs from Abkhazia to Zugdidi. Others brought rigs from Zugdidi to Zugdidi.", "en")
    assert ("GE-AB", "GE-SZ") in moves(r, "origin", "destination")


def test_a_town_named_like_a_better_known_one_in_an_article_about_its_state():
    r = rec("By then he had been talking to landlords in Texas. In 2023 he moved 4,000 machines to a hosting "
            "site outside Odessa, in the Permian Basin.", "en")
    assert moves(r, "destination") == [("US-TX",)]
    r = rec("Miners moved from Kyiv to Odessa on the Black Sea.", "en")
    assert moves(r, "destination") == [("UA-51",)]


def test_a_household_moving_is_not_the_industry_moving():
    r = rec("Liu moved his family to Austin early this year.", "en")
    assert moves(r, "destination") == []


def test_looking_for_places_in_a_country_is_a_planned_move_there():
    r = rec("وأضاف أن آخرين يبحثون عن أماكن في ألبانيا والجبل الأسود، لكن الكهرباء هناك ليست مجانية.", "ar")
    assert sorted(moves(r, "destination", "status")) == [("AL", "planned"), ("ME", "planned")]


def test_a_ban_in_the_where_clause_of_a_town_is_its_province_s():
    r = rec("Bitcoin miners keep arriving in Ethiopia. They were followed by Russian operators from Irkutsk, "
            "where Moscow's winter ban on mining in the region's southern districts took effect on Jan. 1.",
            "en", "2025-02-14")
    assert juris(r) == ["RU-IRK"]


def test_a_possessed_order_is_a_ban_of_its_owner():
    r = rec("Miners moved to Laos after Yunnan's June 2021 order.", "en", "2025-02-14")
    assert juris(r) == ["CN-YN"]
    r = rec("Northern Laos drew miners from Yunnan after the Chinese province's June 2021 order.", "en", "2025-02-14")
    assert juris(r) == ["CN-YN"]
    r = rec("Bitcoin miners expand. The company's order book is full of mining rigs.", "en")
    assert _bans(r) == []


def test_the_city_that_bans_is_the_town_named_before_it():
    r = rec("Whitcomb moved his company to Rockdale from Plattsburgh, New York, in 2019, after the city "
            "imposed an 18-month moratorium on new mining operations.", "en", "2022-03-01")
    assert juris(r) == ["US-NY"]
    r = rec("Plattsburgh sits on Lake Champlain. In 2018 the city council voted to ban new crypto mining.",
            "en", "2022-03-01")
    assert juris(r) == ["US-NY"]
    # no town told before: no place to give the ban
    assert juris(rec("The city imposed a moratorium on crypto mining.", "en")) == []


def test_mining_that_had_to_shut_down_in_the_region_is_a_ban_of_the_province_named_before():
    r = rec("In February 2021, Inner Mongolia's development and reform commission announced that all "
            "cryptocurrency mining in the region had to shut down by the end of April.", "en", "2023-06-01")
    assert juris(r) == ["CN-NM"]
    # "the region of X" names its own place
    r = rec("Officials said mining farms must close in the region of Irkutsk.", "en", "2023-06-01")
    assert juris(r) == ["RU-IRK"]


def test_a_nationwide_ban_after_a_province_s_is_its_country_s_not_the_dateline_s():
    r = rec("SANDERSVILLE, Ga. — The containers hum. In February 2021, Inner Mongolia's commission "
            "announced that all cryptocurrency mining in the region had to shut down. "
            "A nationwide ban followed that spring.", "en", "2023-06-01")
    assert juris(r) == ["CN-NM", "CN"]
    r = rec("SANDERSVILLE, Ga. — The containers hum. Miners fear a nationwide ban on mining.", "en", "2023-06-01")
    assert juris(r) == ["US"]


def test_a_mover_leaves_the_place_banned_since_the_last_move_further_back():
    text = ("In 2020 they trucked 1,500 machines north to Ordos, in Inner Mongolia. They had barely settled. "
            "In February 2021, Inner Mongolia announced that all cryptocurrency mining in the region had to "
            "shut down. Rules tightened. Prices fell. \"We had maybe eight weeks,\" Zhao said. "
            "They shipped all 1,500 machines by rail to Ekibastuz in May 2021.")
    r = rec(text, "en", "2023-06-01")
    assert moves(r, "origin", "destination")[-1] == ("CN-NM", "KZ-55")
    # without the ban in between, a move six sentences on is not tied to the last one
    r = rec(text.replace("In February 2021, Inner Mongolia announced that all cryptocurrency mining in "
                         "the region had to shut down.", "Winter came."), "en", "2023-06-01")
    assert moves(r, "origin", "destination")[-1] == (None, "KZ-55")


def test_a_ban_in_part_of_a_town_s_province_is_the_province_s():
    r = rec("فقد قررت الحكومة الروسية الشهر الماضي حظر التعدين في المناطق الجنوبية من إيركوتسك خلال أشهر الشتاء.",
            "ar", "2024-01-01")
    assert juris(r) == ["RU-IRK"]
    r = rec("Moscow banned crypto mining in the southern districts of Irkutsk from November.", "en", "2024-01-01")
    assert juris(r) == ["RU-IRK"]
    # the national body alone still bans for its country
    assert juris(rec("Moscow banned crypto mining across the country.", "en", "2024-01-01")) == ["RU"]


def test_the_place_of_who_tells_of_a_move_is_not_where_the_movers_leave():
    r = rec("A shipping agent in Dubai said miners had moved their machines to Oman.", "en")
    assert moves(r, "origin", "destination") == [(None, "OM")]
    r = rec("وقالت شركة شحن في دبي إن المعدنين نقلوا أجهزتهم إلى سلطنة عمان.", "ar")
    assert moves(r, "origin", "destination") == [(None, "OM")]
    # … unless the tellers are the movers, or the place is fronted as the scene of both
    r = rec("وقال تاجر في دبي إنه نقل أجهزته إلى سلطنة عمان.", "ar")
    assert moves(r, "origin", "destination") == [("AE-DU", "OM")]
    r = rec("Miners in Xinjiang said they had moved their machines to Kazakhstan.", "en")
    assert moves(r, "origin", "destination") == [("CN-XJ", "KZ")]
    r = rec("In Tabriz, a trader said customers had moved their machines to Armenia.", "en")
    assert moves(r, "origin", "destination") == [("IR-03", "AM")]


def test_a_shipping_business_is_no_shipment():
    r = rec("فقد أفاد وسيط شحن في بندر عباس بأن مجموعة من المستثمرين في أصفهان شحنت نحو 2,000 جهاز بحرا "
            "إلى سلطنة عمان.", "ar")
    assert moves(r, "origin", "destination") == [("IR-10", "OM")]
    assert moves(rec("The company is shipping 2,000 machines to Oman.", "en"), "destination") == [("OM",)]


def test_space_rented_in_a_town_of_the_country_gone_to_is_where_the_move_goes():
    r = rec("شحنت المجموعة 2,000 جهاز إلى سلطنة عمان، حيث استأجرت مساحة في منطقة صحار الصناعية.", "ar")
    assert moves(r, "destination") == [("OM-BS",)]
    r = rec("The group shipped 2,000 machines to Oman, where it rented space near Sohar.", "en")
    assert moves(r, "destination") == [("OM-BS",)]


def test_raids_told_as_operations_that_took_place_somewhere_are_bans_there():
    r = rec("Inspectors have carried out 43 raids on unlicensed crypto mining sites since February. Most of the "
            "operations took place in Alto Paraná, with a smaller wave in Itapúa in the south.", "en", "2024-10-01")
    assert juris(r) == ["PY-10", "PY-7"]
    assert juris(rec("Bitcoin mining operations were concentrated in Sichuan.", "en")) == []


def test_the_province_s_government_is_the_government_of_the_province_told_before():
    r = rec("Quebec was the plan. Manitoba proved a reprieve rather than a home. In November 2022, the province's "
            "government imposed an 18-month pause on new electricity connections for crypto miners.", "en", "2023-01-01")
    assert juris(r) == ["CA-MB"]


def test_a_pause_in_processing_new_applications_is_a_ban():
    r = rec("In June 2018 the Quebec government allowed Hydro-Québec to pause the processing of new applications "
            "from cryptocurrency companies.", "en", "2023-01-01")
    assert juris(r) == ["CA-QC"]


def test_machines_taken_crossing_into_or_leaving_the_state():
    r = rec("In 2020 they trucked 1,500 machines to Ordos, in Inner Mongolia. A cousin took another 400 machines "
            "from Ordos to Russia's Irkutsk region the same month.", "en", "2024-01-01")
    assert moves(r, "origin", "destination")[-1] == ("CN-NM", "RU-IRK")
    r = rec("About 3,000 machines from Chüy region crossed into Kazakhstan in November, most of them to "
            "warehouses around Taraz.", "en", "2024-01-01")
    assert moves(r, "origin", "destination") == [("KG-C", "KZ-31")]
    r = rec("Arkansas passed a law in 2024. At least 20 MW of hosted capacity has left the state since the "
            "2024 law, mostly for Oklahoma and Texas.", "en", "2024-01-01")
    assert moves(r, "origin", "destination") == [("US-AR", "US-OK"), ("US-AR", "US-TX")]


def test_a_move_from_a_place_in_a_paragraph_headed_by_a_place_goes_there():
    r = rec("وهذه أبرز الوجهات:\n\n٣- مقاطعة تفير: نقل معدنون من داغستان، حيث كانت البيوت في محج قلعة وضواحيها "
            "تحتضن آلاف الأجهزة، معداتهم إلى مراكز بيانات قرب محطة كالينين النووية.", "ar", "2025-03-01")
    assert moves(r, "origin", "destination") == [("RU-DA", "RU-TVE")]
    r = rec("Here is where the hardware landed.\n\nNebraska. Hosting parks have taken machines from Chinese clients. "
            "One of those clients, Chengdu-based Tianfu Hash, said it had moved 20 MW of capacity from Sichuan.",
            "en", "2022-03-01")
    assert ("CN-SC", "US-NE") in moves(r, "origin", "destination")
    # a heading inside the place left, or a heading with no move from a place, is no destination
    r = rec("ألماتي: مزارع التعدين تغادر كازاخستان بعد قطع الكهرباء", "ar", "2022-03-01")
    assert moves(r, "destination") in ([], [(None,)])
    r = rec("Dagestan: small farms on the move\n\nSmall farms are on the move.", "en", "2025-03-01")
    assert all(d != "RU-DA" for d, in moves(r, "destination"))


def test_a_bill_that_makes_power_theft_for_mining_a_crime_is_a_ban_of_the_article_s_country():
    r = rec("ASUNCION, Oct 3 - A bill approved by the Senate this month would make stealing electricity for mining "
            "a crime.", "en", "2024-10-03")
    assert juris(r) == ["PY"]
    assert juris(rec("ASUNCION, Oct 3 - Prices make mining a crime against the climate, a blogger wrote.", "en",
                     "2024-10-03")) == []


def test_a_word_whose_waw_is_its_own_opens_no_clause():
    r = rec("وعبر المحيط، شحنت شركات كانت تعمل في منغوليا الداخلية أجهزتها إلى ولاية تكساس بعد قرار الإغلاق.", "ar")
    assert moves(r, "origin", "destination") == [("CN-NM", "US-TX")]


def test_the_place_left_inside_the_country_the_movers_are_from():
    r = rec("فشركة ناشئة من تونس نقلت العام الماضي أجهزتها من صفاقس إلى أديس أبابا، بحثاً عن كهرباء أرخص.", "ar", "2024-01-01")
    assert moves(r, "origin", "destination") == [("TN-61", "ET-AA")]
    r = rec("A start-up from Tunisia moved its machines from Sfax to Addis Ababa last year.", "en", "2024-01-01")
    assert moves(r, "origin", "destination") == [("TN-61", "ET-AA")]


def test_a_plan_made_again_instead_leaves_where_the_first_plan_left():
    r = rec("Almaty-based Kazakh Digital Power had intended to ship about 20 MW of machines from its site in "
            "Ekibastuz to Ethiopia this spring. Its chief executive, Nurlan Abenov, said the firm would now look at Oman and "
            "Paraguay instead.", "en", "2025-03-04")
    assert moves(r, "origin", "destination") == [("KZ-55", "ET"), ("KZ-55", "OM"), ("KZ-55", "PY")]
    r = rec("Almaty-based Kazakh Digital Power had intended to ship machines from Ekibastuz to Ethiopia. "
            "Other firms said they would look at Oman.", "en", "2025-03-04")
    assert moves(r, "origin", "destination")[-1] == (None, "OM")


def test_a_ban_that_pushed_no_one_to_leave_tells_no_move():
    assert moves(rec("لكن القرار لم يدفع أحدا إلى الرحيل، لأن التعدين في المغرب ظل محدودا أصلا.", "ar")) == []
    assert moves(rec("But the decision pushed nobody to leave Morocco.", "en")) == []
    assert moves(rec("The ban did not push anyone to move to Mauritania.", "en")) == []
    assert moves(rec("The ban forced miners to leave Morocco.", "en"), "origin") == [("MA",)]


def test_a_denial_whose_scope_reaches_the_move_tells_no_move():
    # a negation, then "any"/"anyone" or a verb of noticing, and no clause between
    assert moves(rec("Zhou said the raids had not worried legitimate operators or pushed anyone he knew to leave "
                     "Chiang Mai.", "en")) == []
    assert moves(rec("Officials said they had not recorded any miners leaving Buryatia.", "en")) == []
    assert moves(rec("ولم يُرصد حتى الآن نزوح ملحوظ للمعدّنين من الجزائر.", "ar")) == []
    assert moves(rec("لكن لم يُعرف أن أياً من الشركات المرخّصة غادرت باراغواي بسببه.", "ar")) == []
    assert moves(rec("ولا يبدو أن القرار دفع أحداً من المعدّنين الموجودين إلى المغادرة.", "ar")) == []
    # the denial ends at a clause, "but", "except": the move after it stands
    assert moves(rec("With no sign that Ethiopia would lift the pause, Bluebonnet shipped 1,000 machines to Texas.", "en"),
                 "destination") == [("US-TX",)]
    assert moves(rec("The miners had no choice but to move their machines to Kazakhstan.", "en"), "destination") == [("KZ",)]
    assert moves(rec("لم يكن أمام أي منهم سوى نقل أجهزتهم إلى كازاخستان.", "ar"), "destination") == [("KZ",)]
    assert moves(rec("فمحافظة لحج لم تصدر أي حظر، لكن الانقطاعات دفعت بعض المعدّنين إلى نقل أجهزتهم إلى المكلا.", "ar"),
                 "destination") == [("YE-HD",)]


def test_bar_and_barred_are_bans():
    assert juris(rec("A federal decree that took effect on January 1 bars cryptocurrency mining in Irkutsk region "
                     "during the winter months.", "en")) == ["RU-IRK"]
    r = rec("Norway's government moved to bar new data centres built to mine digital currencies.", "en")
    assert [(e["jurisdiction"], e["status"]) for e in r["events"] if e["type"] == "BAN"] == [("NO", "planned")]
    assert juris(rec("In 2023 the state passed a law barring mining operations owned by foreign companies in Arkansas.",
                     "en")) == ["US-AR"]
    assert juris(rec("The bar in Oslo was crowded with miners.", "en")) == []


def test_a_site_on_the_edge_of_a_town_is_where_a_move_leaves_and_a_town_across_the_mountains():
    r = rec("Polar Hash AB has already moved 5,000 machines out of its hall on the edge of Boden to a former sawmill at "
            "Mosjoen, across the mountains in Norway.", "en", "2024-08-22")
    assert moves(r, "origin", "destination") == [("SE-BD", "NO-18")]
    r = rec("Polar Hash AB moved 5,000 machines from its hall on the edge of Boden to Norway.", "en", "2024-08-22")
    assert moves(r, "origin", "destination") == [("SE-BD", "NO")]


def test_a_company_that_speaks_of_the_ban_is_not_its_author_nor_a_new_ban():
    r = rec("Norway moved to ban new crypto mining data centres. In Hadsel, a smaller operator, Kvalnes Compute, said "
            "the ban had left it little choice but to move to Finland.", "en", "2025-02-14")
    assert juris(r) == ["NO"]
    # a company that bans is still the author: "Hydro-Quebec banned new connections"
    assert juris(rec("In Quebec, Hydro-Quebec banned new connections for crypto mining.", "en")) == ["CA-QC"]


def test_raids_since_a_month_date_from_that_month():
    r = rec("IPOH, Malaysia, Nov 20 (Straits Wire) - Malaysian police have seized more than 3,000 cryptocurrency mining "
            "machines in raids across Sarawak, Perak and Kedah since August.", "en", "2024-11-20")
    assert sorted((e["jurisdiction"], e["date"]) for e in r["events"] if e["type"] == "BAN") == [
        ("MY-02", "2024-08"), ("MY-08", "2024-08"), ("MY-13", "2024-08")]
    # an "after" clause still dates its own event, not the ban before it
    r = rec("Sichuan ordered mines shut on June 18, after the State Council called for a crackdown in May.", "en", "2021-06-22")
    assert [(e["jurisdiction"], e["date"]) for e in r["events"] if e["type"] == "BAN"][0] == ("CN-SC", "2021-06-18")


def test_a_shipment_to_a_place_is_a_move():
    r = rec("Hraun Hashing said around 4,000 machines were being packed into containers for shipment to a site near "
            "Narvik, in Norway's Nordland county.", "en", "2025-02-17")
    assert moves(r, "destination") == [("NO-18",)]
    assert moves(rec("Bitcoin rig shipments fell in March, customs data showed.", "en")) == []


def test_an_unknown_town_then_its_province_with_a_glued_preposition_is_where_a_move_goes():
    r = rec("نقل مروان 140 جهازاً إلى مستودع مستأجر في بن قردان بولاية مدنين أواخر 2022.", "ar", "2024-03-12")
    assert moves(r, "destination") == [("TN-82",)]
    # (the origin told before "إلى" does not hide it)
    r = rec("فشُحنت الأجهزة الشهر الماضي من الجهراء براً إلى شريك في الزبير بمحافظة البصرة العراقية.", "ar", "2024-03-12")
    assert moves(r, "origin", "destination") == [("KW-JA", "IQ-BA")]
    # (not "about": "تشغّل نحو 5 آلاف جهاز في منطقة صناعية بمحافظة أصفهان" is where they run)
    r = rec("قالت شركة آريا هش، التي تشغّل نحو 5 آلاف جهاز في منطقة صناعية بمحافظة أصفهان، إنها تدرس نقل جزء من "
            "أجهزتها إلى أرمينيا.", "ar", "2024-03-12")
    assert moves(r, "destination") == [("AM",)]


def test_a_move_dated_before_the_last_one_does_not_leave_where_that_went_nor_go_where_a_because_clause_compares():
    r = rec("وفي مايو/أيار الماضي، نقل معدّن من الإسكندرية يدعى شريف عبد الحميد 350 جهازاً إلى منطقة حرة في إمارة رأس "
            "الخيمة بالإمارات.\n\nوليست هذه أول رحلة لأجهزة مصرية إلى الإمارات؛ فشريكه السابق كان قد نقل نصف أجهزتهما "
            "إلى دبي في 2019، قبل صدور القانون، لأن استضافتها هناك كانت أرخص من فواتير الكهرباء التجارية في مصر.",
            "ar", "2024-05-01")
    assert moves(r, "origin", "destination") == [("EG-ALX", "AE-RK"), (None, "AE-DU")]


def test_a_named_mover_leaves_where_an_earlier_sentence_placed_its_machines():
    r = rec("وقال إرلان سادييف، الذي كان يدير مزرعة بقدرة 30 ميغاواط على أطراف إيكيباستوز، لوكالة فرانس برس إن الكهرباء "
            "لن تعود. ونقل سادييف نحو ستة آلاف جهاز إلى مستودع قرب مدينة كارا-بالتا في منطقة تشوي.", "ar", "2023-01-10")
    assert moves(r, "origin", "destination") == [("KZ-55", "KG-C")]
    r = rec("Chirchiq Digital, which ran about 1,500 machines from two warehouses in Chirchiq, said power was short. "
            "It has moved 800 machines to Saryagash, in Kazakhstan's Turkistan region.", "en", "2023-11-03")
    assert moves(r, "origin", "destination") == [("UZ-TO", "KZ-61")]
    # (not a mover placed two sentences back, nor when another is named)
    r = rec("Chirchiq Digital, which ran about 1,500 machines in Chirchiq, said power was short. Prices rose. "
            "It has moved 800 machines to Saryagash, in Kazakhstan's Turkistan region.", "en", "2023-11-03")
    assert moves(r, "origin", "destination") == [(None, "KZ-61")]


def test_a_company_whose_machines_are_moved_is_the_mover():
    r = rec("Hraun Hashing, which runs about 8,000 machines in Reykjanesbaer, said around 4,000 of them were being "
            "packed into containers for shipment to a site near Narvik, in Norway's Nordland county.", "en", "2025-02-17")
    assert moves(r, "who", "destination") == [("Hraun Hashing", "NO-18")]
    r = rec("The second operator, Kallax Digital, is shipping its fleet much further. About 1,800 of its machines have "
            "been sent to Hernandarias, a town in Paraguay's Alto Parana department.", "en", "2024-08-22")
    assert moves(r, "who", "destination") == [("Kallax Digital", "PY-10")]
    # (not the company of the sentence before when "them" are miners in general)
    r = rec("Shares of Tesla rose 4 percent on Tuesday. Many of them arrived from Indonesia in 2022.", "en", "2024-08-22")
    assert [w for w, in moves(r, "who")] in ([], [None])


def test_one_mover_told_by_what_it_is_and_by_the_name_it_goes_by():
    r = rec("An operator from Nalchik, in Kabardino-Balkaria, said his company planned to move about 1,200 machines "
            "to Kazakhstan.", "en", "2024-08-22")
    assert moves(r, "who", "origin", "destination") == [("An operator from Nalchik", "RU-KB", "KZ")]
    r = rec("وقال معدن آخر من الوفرة إنه يفكر في نقل أجهزته إلى سلطنة عمان.", "ar", "2024-08-22")
    assert moves(r, "who", "destination") == [("معدن آخر من الوفرة", "OM")]
    r = rec("وفي مايو/أيار الماضي، نقل معدّن من الإسكندرية يدعى شريف عبد الحميد 350 جهازاً إلى منطقة حرة في إمارة رأس "
            "الخيمة.", "ar", "2024-05-01")
    assert moves(r, "who", "origin", "destination") == [("شريف عبد الحميد", "EG-ALX", "AE-RK")]


def test_a_ban_on_banks_dealing_in_bitcoin_is_trading_and_fi_hin_is_no_cue():
    r = rec("وكان مصرف قطر المركزي قد أصدر في فبراير/شباط 2018 تعميماً يحظر على البنوك التعامل بالبيتكوين أو تسهيل تداوله.",
            "ar", "2024-10-15")
    assert [e["target"] for e in r["events"] if e["type"] == "BAN"] == ["trading"]
    r = rec("في حين تواصل قطر إغلاق الباب أمام تداول العملات المشفرة، نقل معدنون قطريون أجهزتهم إلى سلطنة عمان.",
            "ar", "2024-10-15")
    assert [c["text"] for e in r["events"] if e["type"] == "MIGRATION" for c in e["cues"]] == []
    r = rec("In 2018 the State Bank of Pakistan barred banks and payment firms from handling cryptocurrency.", "en")
    assert [e["target"] for e in r["events"] if e["type"] == "BAN"] == ["trading"]


def test_a_route_the_text_says_no_decision_caused_has_another_cause():
    r = rec("حظرت عدن التعدين في 2022. لا علاقة لهذا المسار بأي قرار رسمي؛ فمحافظة لحج لم تصدر أي حظر، لكن انقطاعات "
            "الشبكة دفعت بعض المعدّنين إلى نقل أجهزتهم شرقاً إلى المكلا في حضرموت.", "ar", "2023-01-01")
    assert [e["other_cause"] for e in r["events"] if e["type"] == "MIGRATION"] == [True]
    assert r["links"] == []


def test_a_call_for_an_eu_ban_and_not_trying_to_ban_are_no_bans():
    assert juris(rec("Norwegian island municipality shuts door on new crypto halls as Sweden presses for EU ban", "en")) == []
    assert juris(rec("\"Finland is not trying to ban us, and the grid there wants flexible load,\" Eriksen said.", "en")) == []
    assert juris(rec("Sweden pressed for the closure of mining farms in Boden.", "en")) in ([], ["SE-BD"])


def test_a_government_that_does_not_intend_to_restrict_bans_nothing():
    assert juris(rec("In Armenia, an official said the government does not intend to impose restrictions on crypto "
                     "miners.", "en")) == []
    assert juris(rec("Armenia plans to ban crypto mining.", "en")) == ["AM"]


def test_who_estimates_a_move_tells_it_from_where_they_are():
    r = rec("أما في سوريا، فيقدّر تجار في سوق الإلكترونيات بدمشق أن عشرات المعدّنين من حلب وحمص نقلوا أجهزتهم "
            "بعد مداهمات 2022 إلى الإمارات.", "ar", "2024-01-01")
    assert moves(r, "origin", "destination") == [("SY-HL", "AE"), ("SY-HI", "AE")]


def test_the_source_of_a_move_is_not_its_mover():
    r = rec("ويروي أحمد سليمان، وهو مهندس من القاهرة، أنه نقل أجهزته إلى صلالة في عُمان. ويخطط معدّنون مصريون "
            "آخرون، بحسب سليمان، لنقل أجهزتهم إلى الإمارات خلال العام الجاري.", "ar", "2024-06-01")
    assert moves(r, "who", "origin", "destination")[-1] == ("معدّنون مصريون", "EG", "AE")
    r = rec("Ahmed Suleiman, an engineer from Cairo, moved his machines to Salalah. Other Egyptian miners, "
            "according to Suleiman, plan to move their machines to the UAE this year.", "en", "2024-06-01")
    assert moves(r, "origin", "destination")[-1] == ("EG", "AE")


def test_each_place_joined_to_the_movers_annexed_place_is_left_too():
    r = rec("وفي الأشهر التالية، نقلت مجموعات من معدّني الدار البيضاء وطنجة أجهزتها جنوباً نحو موريتانيا.", "ar", "2024-01-01")
    assert moves(r, "origin", "destination") == [("MA-06", "MR"), ("MA-01", "MR")]
    assert moves(rec("نقل بعض معدني رفسنجان أجهزتهم إلى أرمينيا.", "ar"), "origin", "destination") == [("IR-08", "AM")]


def test_a_move_made_again_leaves_the_movers_own_last_place_not_where_others_went():
    r = rec("Minjiang Computing had shipped about 2,000 machines to Tawau, in Sabah. Others from Sichuan took their "
            "machines to Laos. In January the company moved again, this time to Thailand.", "en", "2024-03-01")
    assert moves(r, "origin", "destination")[-1] == ("MY-12", "TH")
    r = rec("نقلت شركة منجيانغ ألفي جهاز إلى ولاية صباح الماليزية. ونقل آخرون أجهزتهم إلى لاوس. "
            "وفي كانون الثاني انتقلت الشركة مجددا إلى تايلاند.", "ar", "2024-03-01")
    assert moves(r, "origin", "destination") == [(None, "MY-12"), (None, "LA"), ("MY-12", "TH")]
    # with no group between, the last move is still the one left
    r = rec("Minjiang Computing shipped 2,000 machines to Sabah. Then it shipped 500 more to Laos. "
            "In January the company moved again, this time to Thailand.", "en", "2024-03-01")
    assert moves(r, "origin", "destination")[-1] == ("LA", "TH")


def test_a_move_there_goes_where_the_sentence_before_ended():
    r = rec("Zhou keeps a photograph of his first farm: rows of rigs in a valley outside Ya'an, with a river behind "
            "them. He moved his young company, Minjiang Computing, there from Xinjiang in 2019.", "en", "2024-03-01")
    assert moves(r, "origin", "destination") == [("CN-XJ", "CN-SC")]
    r = rec("يحتفظ تشو بصورة لمزرعته الأولى في واد قرب مدينة يآن. وقد نقل شركته إلى هناك من شينجيانغ عام 2019.",
            "ar", "2024-03-01")
    assert moves(r, "origin", "destination") == [("CN-XJ", "CN-SC")]
    # "there is" before the verb points nowhere
    r = rec("Zhou's first farm was outside Ya'an. There are miners who moved from Xinjiang in 2019.", "en", "2024-03-01")
    assert ("CN-XJ", "CN-SC") not in moves(r, "origin", "destination")


def test_machines_in_a_place_sent_on_to_another_leave_that_place():
    r = rec("The company is now weighing whether to send its last 700 machines in Medicine Hat to a second "
            "Paraguayan site in Itapua department.", "en", "2024-09-01")
    assert moves(r, "origin", "destination") == [("CA-AB", "PY-7")]
    r = rec("وتدرس الشركة نقل أجهزتها المتبقية في إقليم ألبرتا إلى موقع ثان في باراغواي.", "ar", "2024-09-01")
    assert moves(r, "origin", "destination") == [("CA-AB", "PY")]
    # machines put in a place go there
    r = rec("The company moved its machines to a warehouse in Medicine Hat.", "en", "2024-09-01")
    assert moves(r, "origin", "destination") == [(None, "CA-AB")]


def test_a_ban_in_a_fronted_clause_of_time_applies_to_its_own_places():
    r = rec("Four months after Venezuela pulled the plug on cryptocurrency mining, the country's machines are turning "
            "up in Paraguayan warehouses and, in smaller numbers, across the western border in Colombia.", "en", "2024-09-01")
    assert juris(r) == ["VE"]
    # a list of the places banned still goes in whole
    r = rec("After China banned mining in Sichuan, Inner Mongolia and Xinjiang, miners moved to Texas.", "en")
    assert sorted(juris(r)) == ["CN-NM", "CN-SC", "CN-XJ"]


def test_no_plans_in_quotes_bans_nothing_and_what_was_left_does_not_leave():
    assert juris(rec('The energy ministry said the country had "no plans" to restrict mining.', "en")) == []
    assert juris(rec("Kenya had \u201cno plans\u201d to ban mining.", "en")) == []
    r = rec("With the tax still eating into what was left in Boden, the firm kept running.", "en", "2024-05-14")
    assert moves(r) == []
    r = rec("The firm left Boden in January.", "en", "2024-05-14")
    assert moves(r, "origin") == [("SE-BD",)]


def test_machines_that_went_north_to_a_place_moved_there():
    r = rec("Roughly 1,000 units went north to Finnmark in Norway.", "en", "2024-05-14")
    assert moves(r, "destination") == [("NO-54",)]


def test_the_article_is_about_its_datelines_and_its_titles_place_more_than_where_movers_went():
    text = ("Miners leave as the crackdown widens\n"
            "الكويت، ٢٢ أبريل (وكالات) – قالت السلطات إنها ستفصل الكهرباء عن مزارع التعدين. ونقل معدنون أجهزتهم "
            "إلى البحرين، حيث تعرض شركات في البحرين أسعارا أقل. وقال تاجر إن البحرين أرخص.")
    assert get_pipeline("ar")(text)._.salient_place == "KW"
    text = ("Venezuela's miners head for Paraguay\n"
            "Miners moved to Paraguay. Paraguay has cheap power. "
            "Venezuela banned mining in May.")
    assert get_pipeline("en")(text)._.salient_place == "VE"
    # not where the title's movers go
    text = ("Miners cross into Georgia as power bills soar at home\n"
            "Miners are leaving Turkey. Turkey raised power prices, and Turkey's grid is strained. Georgia is cheaper.")
    assert get_pipeline("en")(text)._.salient_place == "TR"
    # with neither, the place told most
    assert get_pipeline("en")("Miners moved to Paraguay. Paraguay has cheap power. Venezuela banned mining."
                              )._.salient_place == "PY"
    # a town in the dateline: its province, over the province the movers reached
    text = ("انقطاع الكهرباء يدفع المعدنين نحو القصرين\n"
            "وهران (الجزائر) - نقل معدنون أجهزتهم إلى ولاية القصرين في تونس بعد قطع الكهرباء عن مزارعهم.")
    assert get_pipeline("ar")(text)._.salient_place == "DZ-31"


def test_a_ban_not_yet_declared_a_bank_that_turns_miners_away_and_a_decision_to_ban_told_once():
    assert juris(rec("تعدين البتكوين يزدهر. الفارق أن دوشنبه لم تعلن بعد حظراً صريحاً.", "ar")) == []
    assert juris(rec("تعدين البتكوين يزدهر. ويقول سوكولوف: \"في روسيا لم يمنعنا أحد، لكن البنوك أغلقت أبوابها "
                     "في وجوهنا.\"", "ar")) == []
    assert juris(rec("Bitcoin mining boomed there, but the banks closed their doors to miners.", "en")) == []
    assert juris(rec("تعدين البتكوين يزدهر. أغلقت السلطات مزارع التعدين في روسيا.", "ar")) == ["RU"]
    r = rec("ويقول مديرها إن قرار بكين حظر التعدين في أيلول/سبتمبر 2021 \"لم يترك أي خيار داخل الصين\"، وإن الشركة "
            "أمضت أشهراً قبل العثور على موقع في الإمارات.", "ar")
    assert juris(r) == ["CN"]


def test_a_title_of_two_sentences_is_still_the_title_whose_moves_the_body_tells_more_precisely():
    text = ("الكويت توسّع حملتها على تعدين العملات الرقمية.. ومعدّنون ينقلون أجهزتهم إلى البحرين\n"
            "الكويت، ٢٢ أبريل (وكالات) – وسّعت السلطات الكويتية حملتها على مزارع تعدين العملات الرقمية في محافظة "
            "الجهراء.\n\nوبحسب مصادر في قطاع الشحن، نقل عدد من معدّني الجهراء أجهزتهم إلى البحرين خلال الأسبوعين الماضيين.")
    assert moves(rec(text, "ar", "2025-04-22"), "origin", "destination") == [("KW-JA", "BH")]


def test_the_next_place_of_a_list_of_destinations_bans_nothing_and_there_is_the_nearest_place():
    assert juris(rec("حظر التعدين الصيفي في إيران يدفع أجهزة البيتكوين نحو البصرة وأرمينيا", "ar")) == ["IR"]
    assert juris(rec("Siberian miners head for Krasnoyarsk, Kazakhstan as winter ban takes hold", "en")) != ["KZ"]
    r = rec("Bitcoin mining is banned there. He is now negotiating with a partner in Sohar, in Oman, to ship about half "
            "of his machines to a hosting site there before the end of the year.", "en", "2024-01-01")
    assert moves(r, "destination") == [("OM-BS",)]
    r = rec("Bitcoin mining is banned there. Their first farm was in Ekibastuz, but the firm leased a hall near Bratsk "
            "and moved its machines there in July.", "en", "2024-01-01")
    assert [d for (d,) in moves(r, "destination")] == ["RU-IRK"]


def test_a_seat_after_the_subject_after_the_verb_and_a_place_fronted_with_from_are_left():
    r = rec("حظرت الصين التعدين. كما نقلت شركة \"هاش نوفا\"، ومقرها باوتو، نحو 5000 جهاز إلى مدينة كاراغندا في أيار/مايو.",
            "ar", "2021-11-15")
    assert moves(r, "origin", "destination") == [("CN-NM", "KZ-35")]
    r = rec("داهمت الشرطة الليبية مزارع التعدين. ومن مصراتة، غادر الشاب عماد الزروق الشهر الماضي إلى صفاقس التونسية "
            "ومعه 80 جهازاً.", "ar", "2024-04-09")
    assert moves(r, "origin", "destination") == [("LY-MI", "TN-61")]
    r = rec("Police raided mining farms in Libya. From Misrata, one young miner drove 80 machines to Sfax last month.",
            "en", "2024-04-09")
    assert moves(r, "origin", "destination") == [("LY-MI", "TN-61")]


def test_transnistria_and_its_towns_are_a_province_of_moldova():
    r = rec("Authorities in Moldova's breakaway Transnistria region have ordered all cryptocurrency mining farms cut off "
            "from the grid. Ukrainian operators from Kyiv moved equipment over the border to Tiraspol.", "en", "2025-02-06")
    assert juris(r) == ["MD-SN"] and moves(r, "destination") == [("MD-SN",)]


def test_a_blow_that_came_a_council_set_up_in_march_and_a_ban_that_forced_none_are_not_events():
    assert moves(rec("Bitcoin miners faced raids in Pakistan. The harder blow came in Khyber Pakhtunkhwa.", "en")) == []
    assert moves(rec("Many bitcoin miners came to Punjab from Sindh in 2024.", "en"), "origin") == [("PK-SD",)]
    r = rec("Bitcoin mining is booming in Pakistan. The Pakistan Crypto Council, set up in March to draft rules, said "
            "it had heard from operators in Kazakhstan. Operators crossed into Laos and set up in Xaignabouli.", "en")
    assert moves(r, "destination") == [("LA-XA",)]
    r = rec("Bitcoin mining moved to Texas. None of Haoyun's moves has been forced by a ban. New York banned new "
            "mining in 2022.", "en")
    assert juris(r) == ["US-NY"]


def test_a_move_there_goes_to_the_place_just_told_unless_a_move_just_went_elsewhere():
    r = rec("Miners shipped rigs to Kazakhstan in 2021. Prices rose. Gillette, Wyoming, has cheap gas. The company "
            "moved there from Weld County, Colorado, in 2022.", "en", "2024-01-01")
    assert moves(r, "origin", "destination")[-1] == ("US-CO", "US-WY")
    r = rec("Miners shipped rigs to Kazakhstan in 2021. Another firm moved there from Texas a year later.", "en",
            "2024-01-01")
    assert moves(r, "destination")[-1] == ("KZ",)


def test_the_site_closed_before_a_move_is_where_it_leaves():
    r = rec("أغلقت السلطات مزارع التعدين في كازاخستان. وفي أيلول شحنت الشركة نحو 2000 جهاز إلى مدينة توكموك في تشوي بعد "
            "إغلاق موقعها في بافلودار.", "ar", "2023-10-24")
    assert moves(r, "origin", "destination") == [("KZ-55", "KG-C")]
    r = rec("Authorities closed mining farms in Kazakhstan. In September the company shipped 2,000 machines to Tokmok "
            "after closing its site in Pavlodar.", "en", "2023-10-24")
    assert moves(r, "origin", "destination") == [("KZ-55", "KG-C")]


def test_a_ban_with_no_place_in_a_paragraph_headed_by_a_country_is_that_countrys():
    r = rec("الخليج يجذب المعدنين بالطاقة الرخيصة\nتستقطب الإمارات شركات التعدين. وفي الإمارات مجمعات كبيرة.\n\n"
            "الكويت: داهمت وزارة الداخلية الكويتية منازل كانت تستخدم للتعدين، في بلد تحظر فيه هيئة أسواق المال "
            "الأصول الافتراضية.", "ar", "2025-05-01")
    assert "KW" in juris(r) and "AE" not in juris(r)


def test_the_story_firm_moving_on_leaves_where_it_arrived_even_paragraphs_later():
    story = ("BODEN, Sweden — When Kallvik Compute AB arrived in this garrison town in Norrbotten in 2019, nobody was "
             "thinking about tax. Power was cheap. Winters were cold. The hall filled up. Then came the tax. Margins "
             "vanished. {} moved 1,800 of them across the border to Finland in 2023, to a leased hall outside Tornio.")
    r = rec(story.format("The company, which ran about 3,500 machines at its peak,"), "en", "2024-05-14")
    assert moves(r, "origin", "destination")[-1] == ("SE-BD", "FI-10")
    # a group that moves so far on is not the story's firm
    r = rec(story.format("Other miners"), "en", "2024-05-14")
    assert moves(r, "origin", "destination")[-1] == (None, "FI-10")


def test_a_central_bank_that_bans_bans():
    assert juris(rec("Nepal's central bank banned all cryptocurrency activity in September 2021.", "en")) == ["NP"]
    assert juris(rec("Bitcoin mining boomed there, but the banks closed their doors to miners.", "en")) == []


def test_round_25_arabic_into_a_country_and_containers_near_a_town():
    # "إلى داخل صربيا": into Serbia
    r = rec("وقال معدن إنه نقل خلال الأيام الماضية نحو 60 جهازاً عبر المعبر الإداري إلى داخل صربيا.", "ar", "2022-01-10")
    assert moves(r, "destination") == [("RS",)]
    # "إلى حاويات قرب مدينة براتسك": containers near a town are a site there
    r = rec("ونقلت الشركة في آذار نحو 6 آلاف جهاز من موقعها في إيكيباستوز إلى حاويات قرب مدينة براتسك.",
            "ar", "2022-05-10")
    assert moves(r, "origin", "destination") == [("KZ-55", "RU-IRK")]


def test_round_24_arabic_from_its_sites_in_the_state_of():
    # "من مواقعها في ولاية تكساس": the sites' place, with its kind word, is where the move leaves
    r = rec("ونقلت الشركة في 2023 نحو 5000 جهاز من مواقعها في ولاية تكساس بعد انتهاء عقد لشراء الطاقة هناك.",
            "ar", "2024-03-01")
    assert moves(r, "origin", "destination") == [("US-TX", None)]


def test_round_24_english_carried_rigs_into_a_town():
    # "carried smaller rigs into Cúcuta": carrying machines somewhere moves them; "carried out raids" does not
    r = rec("Miners in Táchira state carried smaller rigs into Cúcuta in Norte de Santander.", "en", "2024-08-01")
    assert moves(r, "origin", "destination") == [("VE-S", "CO-NSA")]
    r = rec("Police carried out raids on illegal mining farms in Perak in May 2024.", "en", "2024-08-01")
    assert moves(r, "origin") == []


def test_round_25_english_a_towns_council_and_bylaw_ban_in_its_province():
    # a council and a bylaw are the town's own: the ban is its province's, not its country's
    r = rec("In October 2018, Saint-Hyacinthe's council adopted a zoning bylaw barring crypto mining outside "
            "its heavy-industry zone.", "en", "2024-05-01")
    assert bans(r) == ["CA-QC"]
    r = rec("In October 2018, Sherbrooke adopted a bylaw barring crypto mining.", "en", "2024-05-01")
    assert bans(r) == ["CA-QC"]
    # a capital ordering stands for its country still
    assert bans(rec("Beijing ordered a halt to crypto mining in June.", "en", "2021-07-01")) == ["CN"]


def test_round_25_english_a_body_that_has_not_moved_to_restrict():
    assert bans(rec("Armenia's Public Services Regulatory Commission has not moved to restrict mining.", "en")) == []
    assert bans(rec("Armenia has not yet decided to ban mining.", "en")) == []
    assert bans(rec("Armenia moved to ban mining in May.", "en")) == ["AM"]


def test_round_21_a_fronted_clause_of_cause_is_not_where_the_ban_applies():
    r = rec("After a blackout in January 2022 darkened Almaty as well as parts of Kyrgyzstan and Uzbekistan, "
            "state grid company KEGOC cut supply to registered mining farms for several weeks.", "en", "2022-03-01")
    assert bans(r) == ["KZ"]
    r = rec("فبعد اضطرابات كانون الثاني/يناير التي هزّت ألماتي ومدناً أخرى، وفي ظل عجز متفاقم في الشبكة، قطعت شركة "
            "«كيغوك» المشغّلة لشبكة الكهرباء في كازاخستان الإمدادات عن مزارع التعدين.", "ar", "2022-03-01")
    assert bans(r) == ["KZ"]


def test_a_town_that_is_no_capital_bans_in_its_province():
    assert bans(rec("Saint-Hyacinthe banned crypto mining in 2018.", "en", "2019-01-01")) == ["CA-QC"]
    assert bans(rec("Tehran ordered a halt to crypto mining in June.", "en", "2021-07-01")) == ["IR"]
    assert bans(rec("The decree covers Usolye-Sibirskoye.", "en", "2024-01-01")) in ([], ["RU-IRK"])
    r = rec("ضبطت مصالح الجمارك في ميناء الدار البيضاء أكثر من 3 آلاف جهاز تعدين مستورد.", "ar", "2024-05-01")
    assert bans(r) == ["MA-06"]


def test_capitals_are_gazetteer_cities():
    from ingest.gazetteer import CAPITALS, names
    assert CAPITALS and all(names()[c]["type"] == "CITY" for c in CAPITALS)
    assert "Beijing" in CAPITALS and "Almaty" not in CAPITALS and "Sukhumi" not in CAPITALS


def test_a_move_to_a_capital_reaches_its_first_level_subdivision_its_ban_stays_national():
    # a capital is in its own first-level unit (DE-BE, JP-13, KR-11, the capital districts)
    r = rec("Hash Co moved 500 machines from Almaty to Berlin in 2022. In 2023 it shipped its rigs from Berlin "
            "to Seoul.", "en", "2024-01-01")
    assert moves(r, "origin", "destination") == [("KZ-75", "DE-BE"), ("DE-BE", "KR-11")]
    assert moves(rec("ونقلت الشركة أجهزتها من طوكيو إلى براغ.", "ar", "2024-01-01"),
                 "origin", "destination") == [("JP-13", "CZ-10")]
    assert bans(rec("Seoul banned crypto mining in 2021.", "en", "2022-01-01")) == ["KR"]


def test_capitals_lie_in_a_first_level_subdivision_where_iso_has_one():
    from ingest.gazetteer import CAPITALS, names
    n = names()
    for c, unit in {"Berlin": "DE-BE", "Tokyo": "JP-13", "Prague": "CZ-10", "Niamey": "NE-8",
                    "Mexico City": "MX-CMX", "Tirana": "AL-11", "Moscow": "RU-MOW"}.items():
        assert c in CAPITALS and n[c]["parent"] == unit and n[unit]["type"] == "PROVINCE"


def test_the_authorities_of_a_town_that_is_no_capital_are_its_provinces():
    r = rec("ومع تفاقم الانقطاعات، أعلنت السلطات في سوخومي حظراً على التعدين عام 2018.", "ar", "2021-01-01")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "REGULATOR"] == ["authorities:GE-AB"]
    assert bans(r) == ["GE-AB"]
    r = rec("قالت السلطات في بكين إنها ستحظر التعدين.", "ar", "2021-06-01")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "REGULATOR"] == ["authorities:CN"]


def test_round_25_arabic_pushed_no_one_with_an_aside():
    r = rec("شنت الشرطة حملة على مزارع التعدين في وهران في شباط. ويضيف المحامي أن حملة وهران لم تدفع أحداً، "
            "على حد علمه، إلى نقل أجهزته إلى ولايات أخرى أو خارج البلاد.", "ar", "2025-03-01")
    assert bans(r) == ["DZ-31"] and moves(r, "destination") == []


def test_round_24_english_subsidies_cut_and_nobody_banned():
    r = rec("Miners in Tierra del Fuego moved 600 machines to Tarija in October after the national government in "
            "Argentina cut electricity subsidies for the province's industrial users.", "en", "2024-12-01")
    assert bans(r) == [] and moves(r, "origin", "destination") == [("AR-V", "BO-T")]
    assert bans(rec("In Tasmania nobody banned crypto mining, she said.", "en", "2024-12-01")) == []
    assert bans(rec("In Tasmania the utility cut electricity to crypto miners.", "en", "2024-12-01")) == ["AU-TAS"]


def test_round_24_english_no_longer_offer_contracts_to_miners():
    r = rec("In 2023 the state-owned Hydro Tasmania said it would no longer offer new long-term supply contracts to "
            "cryptocurrency miners.", "en", "2024-01-01")
    assert bans(r) == ["AU-TAS"]


def test_round_25_arabic_a_seizure_and_whether_it_will():
    r = rec("وفي الشهر الماضي أعلنت مصالح الأمن في وهران تفكيك شبكة تدير مزرعة تعدين في حي بئر الجير، وحجز 46 جهازاً "
            "ومعدات تبريد.", "ar", "2025-03-01")
    assert bans(r) == ["DZ-31"]
    r = rec("ولم يصدر تعليق فوري عن السلطات في سبها بشأن ما إذا كانت ستتخذ إجراءات مماثلة ضد مزارع التعدين.",
            "ar", "2025-03-01")
    assert bans(r) == []


def test_a_headlines_two_dots_close_the_bans_clause():
    r = rec("تحليل: بعد تقنين الكهرباء في كازاخستان.. خريطة جديدة لمزارع التعدين بين روسيا وقيرغيزستان", "ar",
            "2022-03-01")
    assert bans(r) == ["KZ"]


def test_round_24_english_the_site_a_clause_places_inside_the_country():
    r = rec("Several operators moved machines by road to Namibia in June and July, renting space in industrial parks "
            "around Windhoek.", "en", "2024-09-01")
    assert moves(r, "destination") == [("NA-KH",)]
    r = rec("Kola Hash moved its entire fleet to Ethiopia in 2023 after signing a hosting contract on the outskirts "
            "of Addis Ababa.", "en", "2024-09-01")
    assert moves(r, "destination") == [("ET-AA",)]
    r = rec("Highveld moved again in November, this time into Zimbabwe, to an industrial site near Hwange in "
            "Matabeleland North.", "en", "2024-12-01")
    assert moves(r, "destination") == [("ZW-MN",)]
    # a clause that places no site there keeps the country
    r = rec("Miners moved to Kazakhstan, renting space from a partner, and later opened an office in Almaty.",
            "en", "2022-01-01")
    assert moves(r, "destination") == [("KZ",)]


def test_round_25_english_to_a_site_near_a_town_in_a_region():
    r = rec("Tianshan Compute moved 6,500 machines from Xinjiang to a site near Saran in the Karaganda region in July "
            "2021.", "en", "2022-02-08")
    assert moves(r, "origin", "destination") == [("CN-XJ", "KZ-35")]


def test_round_24_arabic_crossed_with_their_machines():
    r = rec("ويقول زميل له إن شركات أخرى في هرمزغان اختارت بعد القرار طريقاً مختلفاً، فعبرت بأجهزتها مضيق هرمز إلى "
            "سلطنة عمان.", "ar", "2024-08-01")
    assert moves(r, "origin", "destination") == [("IR-22", "OM")]
    # "عبر" as "via" is no move of its own
    r = rec("نقل معدنون أجهزتهم عبر منفذ الشلامجة إلى البصرة.", "ar", "2021-09-01")
    assert len(moves(r, "destination")) == 1


def test_round_25_english_arrivals_from_a_province_do_not_arrive_in_its_country():
    r = rec("PAVLODAR, Kazakhstan - Some of the most distant arrivals came from the Pavlodar region, where power to "
            "mining farms around Ekibastuz was cut off in January 2022.", "en", "2023-05-01")
    assert ("KZ-55", "KZ") not in moves(r, "origin", "destination")


def test_round_26_arabic_a_seizure_of_a_counted_number_of_machines_and_the_focus_that_moved():
    r = rec("- القليوبية (٢٠٢٣): انتقل التركيز في ٢٠٢٣ إلى شبرا الخيمة وقليوب وبنها، حيث ضبطت الشرطة في آذار/مارس "
            "مصنعاً مهجوراً يضم ٥٢٠ جهازاً تستهلك ما يعادل ٢ ميغاواط.", "ar", "2024-06-01")
    assert bans(r) == ["EG-KB"] and moves(r, "destination") == []


def test_round_26_arabic_before_the_ban_in_a_headline_is_a_time():
    r = rec("أبوظبي وجهة جديدة لشركات التعدين القادمة من كازاخستان وروسيا والصين.. التمويل والاستقرار قبل الحظر\n"
            "قالت الشركة إنها نقلت أجهزتها إلى أبوظبي.", "ar", "2025-01-01")
    assert bans(r) == []


def test_round_26_arabic_a_site_set_up_on_the_outskirts_of_the_capital():
    r = rec("وبحسب دبلوماسي أفريقي، فإن جزءاً من المجموعة نقل نحو 600 جهاز عبر الجنوب الليبي إلى تشاد، وأقام موقعاً على "
            "أطراف العاصمة نجامينا.", "ar", "2024-05-01")
    assert moves(r, "destination") == [("TD-ND",)]


def test_round_26_english_no_ban_there_rather_than_a_ban_and_the_seasonal_ban_again():
    assert bans(rec("Albania has hydropower and nobody there has banned mining, he said.", "en", "2022-06-01")) == []
    r = rec("In Finland, officials have described the tax change on crypto mining as a tax adjustment rather than a ban.",
            "en", "2023-06-01")
    assert bans(r) == []
    r = rec("Russia banned mining in Irkutsk in winter. The seasonal ban cuts out the four months when cooling is free.",
            "en", "2025-01-10")
    assert bans(r) == ["RU-IRK"]


def test_round_26_arabic_the_raids_pushed_no_one():
    r = rec("شنت الشرطة حملة على مزارع التعدين في وهران في شباط. ولم تدفع المداهمات الجزائرية أحداً إلى نقل أجهزته إلى "
            "الخارج، وفق ما يقوله متعاملون في السوق.", "ar", "2025-03-01")
    assert bans(r) == ["DZ-31"] and moves(r, "origin") == []


def test_round_26_english_from_near_a_town_and_to_a_site_on_the_outskirts():
    r = rec("Sever Hash moved its 15 MW farm from near Dubna to Kondopoga back in 2023.", "en", "2025-02-01")
    assert moves(r, "origin", "destination") == [("RU-MOS", "RU-KR")]
    r = rec("Steppe Compute, which mined in Ekibastuz in the Pavlodar region, shipped 4,500 machines to a site on the "
            "outskirts of Addis Ababa in March.", "en", "2024-06-01")
    assert moves(r, "origin", "destination") == [("KZ-55", "ET-AA")]


def test_round_27_english_sites_of_two_words_a_plan_of_the_movers_clause_and_what_they_wait_for():
    r = rec("At least two operators that had planned to expand in Plattsburgh moved about 20 MW of machines to "
            "former industrial sites in Massena during 2018.", "en", "2020-01-01")
    assert moves(r, "destination", "status") == [("US-NY", "completed")]
    assert moves(rec("Operators who planned to move to Texas said so.", "en", "2020-01-01"), "status") == [("planned",)]
    r = rec("A Sherbrooke operator shifted about 2,500 machines to a warehouse outside Winnipeg in 2019 rather "
            "than wait for Quebec's new rules.", "en", "2020-01-01")
    assert moves(r, "origin", "destination") == [("CA-QC", "CA-MB")]


def test_a_town_then_the_state_it_is_in_written_out():
    for text, want in (("Miners trucked equipment to Corumba, in the Brazilian state of Mato Grosso do Sul.",
                        [(None, "BR-MS")]),
                       ("Others moved to Corumba, in the state of Mato Grosso do Sul.", [(None, "BR-MS")]),
                       ("The company moved everything from Clearfield County, Pennsylvania, to Rockwood, in Roane "
                        "County, Tennessee.", [("US-PA", "US-TN")]),
                       # a known town places an unknown one; a known place is where they go itself
                       ("A neighbour moved its fleet to Selkirk, north of Winnipeg.", [(None, "CA-MB")]),
                       ("The firm moved its machines from Selkirk, north of Winnipeg, to Texas.", [("CA-MB", "US-TX")]),
                       ("It moved 4,500 machines from Laos to a leased compound near Adama, about 100 km south-east "
                        "of Addis Ababa.", [("LA", "ET-AA")]),
                       ("The firm moved its machines to Kazakhstan, north of China.", [(None, "KZ")]),
                       ("He moved them to a hosting centre in Ras Al Khaimah in the United Arab Emirates.",
                        [(None, "AE-RK")]),
                       ("Whitcomb moved 2,600 machines to a site on the edge of Gillette, Wyoming.", [(None, "US-WY")]),
                       ("Two operators moved their rigs to hosting providers in the Georgian capital.", [(None, "GE-TB")])):
        assert moves(rec(text, "en"), "origin", "destination") == want, text


def test_an_arabic_town_named_once_with_its_kind_is_that_town_bare_after_a_preposition():
    r = rec("داهمت الشرطة الكويتية منازل تعدين في منطقة الوفرة. ثم امتدت الحملة من الوفرة إلى العبدلي، "
            "ونقل معدّنون أجهزتهم في منطقتي الوفرة وكبد إلى البحرين. الوفرة في الكهرباء لم تعد قائمة.", "ar")
    wafra = [e["text"] for e in r["entities"] if e.get("canonical") == "Wafra"]
    assert wafra == ["منطقة الوفرة", "الوفرة", "الوفرة"]  # (not the word opening the last sentence)
    # never without the named form
    r = rec("ثم امتدت الحملة من الوفرة إلى البحرين.", "ar")
    assert not [e for e in r["entities"] if e.get("canonical") == "Wafra"]


def test_washington_after_a_town_of_it_is_the_state():
    for text in ("An investor moved his machines to a hosting site in Moses Lake, Washington, in March.",
                 "An operator sent 600 machines to a facility near Wenatchee, Washington, in 2018.",
                 "Miners moved 300 rigs to Chelan, Washington."):  # a town the gazetteer does not know
        assert moves(rec(text, "en"), "destination") == [("US-WA",)], text
    r = rec("Officials in Beijing, Washington and Brussels disagreed. Washington's regulators moved fast.", "en")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "Washington"] == ["Washington", "Washington"]
    assert moves(rec("The firm moved its machines to Washington.", "en"), "destination") == [("US-DC",)]


def test_a_town_named_once_with_its_state_is_the_same_town_bare():
    r = rec("Cheyenne, Wyoming, has drawn miners. A Wenatchee-based miner moved 1,800 machines to Cheyenne last "
            "year. Butte County is another place.", "en", "2024-01-01")
    assert [(e["text"], e["canonical"]) for e in r["entities"] if e["type"] == "CITY"] == [
        ("Cheyenne, Wyoming", "Cheyenne"), ("Wenatchee", "Wenatchee"), ("Cheyenne", "Cheyenne")]
    assert moves(r, "origin", "destination") == [("US-WA", "US-WY")]
    # without the state the bare name is not read as the town
    assert not [e for e in rec("A miner moved to Cheyenne.", "en")["entities"] if e["type"] == "CITY"]


def test_where_the_movers_ran_their_machines_is_where_they_leave():
    r = rec("Cascade Hashworks, which ran about 1,200 machines in a Wenatchee warehouse, moved them to Butte, "
            "Montana, in 2018.", "en", "2020-01-01")
    assert moves(r, "origin", "destination") == [("US-WA", "US-MT")]


def test_a_province_named_by_a_compass_point_is_the_one_of_a_country_the_article_names():
    r = rec("Saudi Arabia's power company raided farms in the Eastern Province in 2023.", "en", "2024-01-01")
    assert bans(r) == ["SA-04"]
    r = rec("وفي المنطقة الشرقية من المملكة، فصلت الشركة السعودية للكهرباء التيار عن 37 موقعاً للتعدين.", "ar", "2024-01-01")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "PROVINCE"] == ["SA-04"]
    # no country of such a province named, or a direction written small: no province
    assert not [e for e in rec("Miners moved to the Eastern Province.", "en")["entities"] if e["type"] == "PROVINCE"]
    assert not [e for e in rec("In Saudi Arabia's eastern region, miners moved.", "en")["entities"]
                if e["type"] == "PROVINCE"]


def test_round_27_arabic_machines_cross_the_border_and_a_name_egypt_shares():
    r = rec("وبعد أن حظرت الصين التعدين، عبرت عشرات آلاف الأجهزة الصينية الحدود إلى كازاخستان.", "ar", "2023-01-12")
    assert moves(r, "origin", "destination") == [("CN", "KZ")]
    # "the new administrative capital of Almaty region" describes Konaev; Egypt's is named only
    # where the article names Egypt
    r = rec("ويستعد معدّن من بشكيك لنقل 150 جهازاً إلى كوناييف، العاصمة الإدارية الجديدة لمنطقة ألماتي.", "ar",
            "2023-01-12")
    assert moves(r, "origin", "destination") == [("KG-GB", "KZ-19")]
    r = rec("ونقلت شركة مصرية أجهزتها من القاهرة إلى العاصمة الإدارية الجديدة.", "ar", "2023-01-12")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "CITY"] == ["Cairo", "New Administrative Capital"]



def test_round_27_arabic_moved_to_the_site_rented_there_and_lebanons_tripoli():
    r = rec("قال معدّنون إن أجهزتهم عبرت إلى لبنان. وذكر مهرّب أن مجموعة من المعدّنين القادمين من جبلة استأجرت في "
            "كانون الثاني/يناير مستودعاً في طرابلس بعد حملة اللاذقية، ونقلت إليه قرابة 400 جهاز على دفعات.",
            "ar", "2024-02-09")
    assert ("SY-LA", "LB-AS") in moves(r, "origin", "destination")
    # with nothing of Lebanon named, طرابلس stays Libya's
    r = rec("ونقل معدنون أجهزتهم من مصراتة إلى طرابلس.", "ar", "2024-02-09")
    assert moves(r, "origin", "destination") == [("LY-MI", "LY-TB")]


def test_a_capital_named_by_its_countrys_adjective():
    r = rec("وقال تاجر إن زبائن له \"يفكرون جدياً في العاصمة التونسية\"، وإن أحدهم يبحث عن شريك لنقل نحو 100 جهاز.",
            "ar", "2024-03-18")
    assert [(e["text"], e["canonical"]) for e in r["entities"] if e["type"] == "CITY"] == [("العاصمة التونسية", "Tunis")]
    r = rec("Miners moved 500 rigs to the Kazakh capital in 2022. Others went to the Georgian capital, Tbilisi.",
            "en", "2024-01-01")
    assert moves(r, "destination") == [("KZ-71",), ("GE-TB",)]
    assert [e["text"] for e in r["entities"] if e["type"] == "CITY"] == ["Kazakh capital", "Tbilisi"]


def test_round_27_arabic_they_did_not_leave_and_a_list_item_with_a_hyphenated_name():
    r = rec("وقال سكان إن من ضُبطت أجهزتهم في الجلفة تركوا النشاط ولم يغادروا الولاية.", "ar", "2024-03-18")
    assert moves(r, "destination") == []
    r = rec("- دوشنبه: تستعد شركة \"آلا-تو ماينينغ\"، ومقرها بيشكيك، لنقل 15 ميغاواط من قدرتها إلى العاصمة "
            "الطاجيكية خلال العام الجاري.", "ar", "2024-03-18")
    assert moves(r, "origin", "destination", "status") == [("KG-GB", "TJ-DU", "planned")]


def test_an_inline_subheading_still_stands_alone():
    from ingest.components.sentences import sentences
    from ingest.pipeline import get_pipeline
    text = "Miners left. - Where they went - Texas took most."
    doc = get_pipeline("en")(text)
    assert [text[s.start_char:s.end_char] for s in sentences(doc)] == [
        "Miners left.", "- Where they went -", "Texas took most."]


def test_a_bulleted_list_items_heading_is_where_its_move_goes():
    r = rec("Where did the machines go?\n\n- Hrazdan, Armenia: Operators from Kerman moved about 4,000 machines into "
            "disused buildings near the power plant in this town in June.", "en", "2021-08-30")
    assert moves(r, "origin", "destination") == [("IR-08", "AM-KT")]
    r = rec("- دوشنبه: نقل معدنون من بيشكيك أجهزتهم في الشتاء الماضي.", "ar", "2023-01-12")
    assert moves(r, "origin", "destination") == [("KG-GB", "TJ-DU")]


def test_round_27_english_a_zulia_town_and_talks_with_a_host_are_a_plan():
    r = rec("Police raided farms in Zulia. Alfredo Urdaneta, who ran 350 machines in San Francisco, said he moved all "
            "of them to a rented warehouse in Maicao on Sunday.", "en", "2024-05-23")
    assert moves(r, "origin", "destination") == [("VE-V", "CO-LAG")]
    r = rec("A group of Zulia miners is negotiating with a hosting company in Cúcuta, in the department of Norte de "
            "Santander, to move about 3 megawatts of equipment there in June.", "en", "2024-05-23")
    assert moves(r, "destination", "status") == [("CO-NSA", "planned")]


def test_round_28_arabic_machines_running_in_warehouses_there_leave_there():
    r = rec("فمجموعة من المستثمرين السعوديين نقلت عام 2021 نحو 1500 جهاز كانت تعمل في مستودعات بالدمام في المنطقة "
            "الشرقية إلى الحد، لأن تشغيل الأجهزة بعقد صناعي كان أيسر هناك.", "ar", "2024-01-01")
    assert moves(r, "origin") == [("SA-04",)]


def test_round_28_english_athens_tennessee_and_georgia_told_twice():
    r = rec("He left Plattsburgh, New York, in 2019, trucking about 800 machines south to Georgia. At the time, Walker "
            "County's low power rates made northwest Georgia an easy choice. This year he moved them to a former "
            "textile warehouse in Athens, Tennessee.", "en", "2024-08-22")
    assert [(e["text"], e["canonical"]) for e in r["entities"] if e["type"] in ("COUNTRY", "PROVINCE", "CITY")] == [
        ("Plattsburgh", "Plattsburgh"), ("New York", "US-NY"), ("Georgia", "US-GA"), ("Georgia", "US-GA"),
        ("Athens", None), ("Tennessee", "US-TN")]
    assert moves(r, "destination") == [("US-GA",), ("US-TN",)]


def test_round_28_english_ferried_went_straight_and_the_power_of_a_town():
    r = rec("Several operators ferried machines across the Singapore Strait to warehouses around Johor Bahru in July.",
            "en", "2022-12-01")
    assert moves(r, "destination") == [("MY-01",)]
    r = rec("Brokers estimate about 1,200 Batam machines went straight to Sarawak.", "en", "2022-12-01")
    assert moves(r, "origin", "destination") == [("ID-KR", "MY-13")]
    r = rec("About 1,000 machines belonging to Lintang Digital left Batam in September for the coal-fired power of "
            "Ekibastuz.", "en", "2022-12-01")
    assert moves(r, "origin", "destination") == [("ID-KR", "KZ-55")]
    assert moves(rec("Batam, an hour's ferry ride from Singapore, has almost no mining left.", "en"), "destination") == []


def test_a_move_done_is_not_told_again_by_a_plan_to_the_same_place():
    r = rec("Belarus miners cross into Russia's Smolensk region\nMINSK, Sept 5 (Wire) - Cryptocurrency miners in Belarus "
            "moved thousands of machines into Russia's Smolensk region over the summer. Dvina Hash, which runs a 6 MW farm "
            "in the Minsk region, said it planned to move it to Smolensk by November.", "en", "2023-09-05")
    assert moves(r, "origin", "destination", "status") == [("BY", "RU-SMO", "completed"), ("BY-MI", "RU-SMO", "planned")]


def test_round_28_english_none_of_them_moved_and_machines_that_crossed():
    r = rec("Bishkek ordered mining farms off the grid in December. None of the operators interviewed had moved there.",
            "en", "2024-01-22")
    assert moves(r, "destination") == []
    assert moves(rec("Miners crossed into Kazakhstan with their rigs.", "en", "2024-01-22"), "destination") == [("KZ",)]
    assert moves(rec("The bill crossed the desk of the minister.", "en", "2024-01-22"), "destination") == []
    r = rec("One Tashkent-based company, Quyosh Mining, relocated its farm from Yangiyul to the Navoi region in October.",
            "en", "2024-01-22")
    assert moves(r, "origin", "destination") == [("UZ-TO", "UZ-NW")]


def test_round_28_arabic_two_farms_seized():
    r = rec("أعلنت مديرية الأمن العام الأردنية ضبط مزرعتين لتعدين العملات الرقمية في محافظة معان.", "ar", "2024-10-08")
    assert bans(r) == ["JO-MN"]


def test_amman_and_oman_told_apart_by_their_vowel_marks():
    r = rec("فشركة \"بترا بلوك\" نقلت أجهزتها من عمّان إلى دبي عام ٢٠٢١. ونقل آخرون أجهزتهم إلى عُمان.", "ar", "2024-10-08")
    assert moves(r, "origin", "destination") == [("JO-AM", "AE-DU"), (None, "OM")]


def test_a_bare_amman_or_oman_read_by_the_country_the_article_names():
    def places(text):
        return [(e["text"], e["canonical"]) for e in rec(text, "ar")["entities"]
                if e["text"].endswith("عمان") and e["type"] in ("COUNTRY", "CITY")]
    assert places("قالت السلطات الأردنية في عمان إن الحملة مستمرة.") == [("عمان", "Amman")]
    assert places("قالت السلطات في عمان إن الحملة مستمرة. وانتقل معدنون من مسقط إلى صحار.") == [("عمان", "OM")]
    assert places("نقلت الشركة أجهزتها إلى عمان والشركات العمانية ترحب.") == [("عمان", "OM")]
    # no country told, or both: not read
    assert places("نقلت الشركة أجهزتها من الكويت إلى عمان.") == []
    assert places("قال معدنون في عمان والأردن إن الشركات العمانية والأردنية تنافست.") == []


def test_round_28_arabic_carried_machines_and_a_problem_moved():
    r = rec("يروي أحد هؤلاء المعدّنين أنه حمل مع شريكين له نحو 600 جهاز على شاحنات عبر الصحراء إلى مدينة أغاديز في "
            "شمال النيجر.", "ar", "2024-06-01")
    assert moves(r, "destination") == [("NE-1",)]
    r = rec("ويرى الباحث أن الحملات \"تنقل المشكلة ولا تحلها\"، من سبها إلى انجامينا.", "ar", "2024-06-01")
    assert moves(r, "destination") == []


def test_the_site_taken_in_the_next_sentence_is_where_in_that_country_they_went():
    r = rec("بعد أسابيع من المداهمة، حمل ما تبقى من أجهزته، نحو 300 جهاز، إلى أرمينيا. واستأجر مساحة في مجمع صناعي "
            "بمدينة هرازدان في محافظة كوتايك.", "ar", "2024-06-01")
    assert moves(r, "destination") == [("AM-KT",)]
    assert moves(rec("In March the firm shipped 800 rigs to Armenia. There it leased a hall in Hrazdan.", "en",
                     "2024-06-01"), "destination") == [("AM-KT",)]
    # not across a paragraph, nor a place outside that country
    assert moves(rec("In March the firm shipped 800 rigs to Armenia.\n\nIt leased a hall in Hrazdan.", "en",
                     "2024-06-01"), "destination") == [("AM",)]
    assert moves(rec("In March the firm shipped 800 rigs to Armenia. It leased a hall in Tbilisi.", "en",
                     "2024-06-01"), "destination") == [("AM",)]


def test_no_one_in_a_place_ordered_anything():
    assert bans(rec("No one in Edmonton ever ordered miners off the grid, Lapointe stressed.", "en", "2025-03-18")) == []
    assert bans(rec("Officials in Edmonton ordered miners off the grid in May.", "en", "2025-03-18")) == ["CA-AB"]


def test_an_aside_between_the_body_that_bans_and_its_verb():
    r = rec("In June 2018, Hydro-Québec, flooded with requests from miners, paused new connections for cryptocurrency "
            "projects.", "en", "2025-03-18")
    assert bans(r) == ["CA-QC"]


def test_that_province_points_back_to_the_province_told_before():
    r = rec("Lapointe briefly looked at Manitoba too, but that province had frozen new crypto connections in late 2022.",
            "en", "2025-03-18")
    assert bans(r) == ["CA-MB"]


def test_a_company_named_after_a_place_is_no_place():
    r = rec("In 2021, Icelandic operator Reykjanes Data brought 12 MW from Reykjanesbær. Vesterålen Data moved its 5 MW "
            "operation to Kokkola.", "en", "2024-06-01")
    assert [e["text"] for e in r["entities"] if e["type"] == "COMPANY"] == ["Reykjanes Data", "Vesterålen Data"]
    assert moves(r, "who", "origin", "destination") == [("Reykjanes Data", "IS-2", None),
                                                        ("Vesterålen Data", None, "FI-07")]


def test_an_imported_city_counts_only_beside_a_place_of_its_country():
    # Shreveport comes from the imported cities (ingest/patterns/cities.jsonl), which are
    # only_with_country: beside Texas it is the town in Louisiana; alone it is no place
    r = rec("After the ban in Texas, Redline Hash moved 2,000 machines to Shreveport last month.", "en")
    assert [(e["text"], e["canonical"]) for e in r["entities"] if e["type"] == "CITY"] == [("Shreveport", "Shreveport")]
    assert moves(r, "origin", "destination") == [("US-TX", "US-LA")]
    r = rec("Redline Hash moved 2,000 machines to Shreveport last month.", "en")
    assert not [e for e in r["entities"] if e["type"] == "CITY"]


def test_a_county_is_read_as_part_of_its_state_and_written_as_a_region():
    r = rec("In March the Milam County commissioners banned crypto mining near homes, and Rockline "
            "Data moved its 900 machines to Ouachita Parish in Louisiana.", "en")
    assert {(e["text"], e["type"], e["canonical"]) for e in r["entities"] if e["text"].endswith(("County", "Parish"))} \
        == {("Milam County", "REGION", "Milam County"), ("Ouachita Parish", "REGION", "Ouachita Parish")}
    assert [b["jurisdiction"] for b in r["events"] if b["type"] == "BAN"] == ["US-TX"]
    assert moves(r, "destination") == [("US-LA",)]


def test_no_one_has_moved_is_no_move():
    for text in ("The county shelved its ordinance; no operator there has moved to Texas.",
                 "Nobody has yet moved to Texas."):
        assert moves(rec(text, "en"), "destination") == [], text
    assert moves(rec("With no power, operators have moved to Texas.", "en"), "destination") == [("US-TX",)]


def test_a_place_inside_a_country_after_its_possessive_and_words_is_the_destination():
    r = rec("Miners from Turkmenistan's Mary province have moved hundreds of machines into "
            "Uzbekistan's autonomous Republic of Karakalpakstan since the summer.", "en")
    assert moves(r, "origin", "destination") == [("TM-M", "UZ-QR")]
    r = rec("Miners moved machines to Kazakhstan's coal-rich north-eastern Pavlodar region.", "en")
    assert moves(r, "destination") == [("KZ-55",)]
    # (a place that is not inside the owner is not read so)
    assert moves(rec("Miners moved machines to Russia's ally Belarus.", "en"), "destination") == [("RU",)]


def test_a_town_no_gazetteer_knows_told_with_its_province_is_where_the_move_goes():
    r = rec("A miner from Kathmandu said he carried 40 machines to a rented shed outside Gangtok, "
            "the capital of the Indian state of Sikkim, in December.", "en")
    assert moves(r, "destination") == [("IN-SK",)]
    r = rec("Operators moved their machines across the border to Siliguri and other towns in "
            "India's West Bengal in January.", "en")
    assert moves(r, "destination") == [("IN-WB",)]


def test_an_arabic_site_or_seat_told_after_the_country_is_where_in_it_the_move_went():
    r = rec("دفعت الحملة عدداً من المعدّنين في الجلفة إلى نقل أجهزتهم نحو تونس، حيث استأجروا مخازن "
            "في ولاية القصرين القريبة من الحدود.", "ar")
    assert moves(r, "origin", "destination") == [("DZ-17", "TN-42")]
    r = rec("في أيلول/سبتمبر 2022 هرّب 16 جهازاً عبر الحدود إلى إيران، واستقر في مشهد، مركز محافظة "
            "خراسان رضوي.", "ar")
    assert moves(r, "destination") == [("IR-09",)]


def test_a_bare_capital_is_the_capital_of_the_articles_country():
    r = rec("وصل المعدّن إلى ورقلة عام 2019 قادماً من العاصمة، ومعه أربعة أجهزة لتعدين البيتكوين في الجزائر.", "ar")
    assert ("العاصمة", "Algiers") in [(e["text"], e.get("canonical")) for e in r["entities"]]
    assert moves(r, "origin", "destination") == [("DZ-16", "DZ-30")]
    # (not an adjective's capital: "العاصمة الإدارية الجديدة" is its own name)
    r = rec("أعلنت العاصمة الإدارية الجديدة في مصر خطة.", "ar")
    assert [e.get("canonical") for e in r["entities"] if e["type"] == "CITY"] == ["New Administrative Capital"]
    # in English only in an article about a country, and not "raising capital"
    r = rec("In Kazakhstan, miners raised capital from investors.", "en")
    assert not [e for e in r["entities"] if e["type"] == "CITY"]


def test_a_place_in_a_clause_describing_the_destination_is_no_origin():
    r = rec("In the spring of 2020 he moved to Herat, a border city that imports most of its "
            "electricity from Iran, and rented a room there.", "en")
    assert moves(r, "origin", "destination") == [(None, "AF-HER")]
    r = rec("في ربيع 2020 انتقل هاشم إلى هرات، المدينة الحدودية التي تستورد معظم كهربائها من إيران، "
            "واستأجر غرفة هناك.", "ar")
    assert moves(r, "origin", "destination") == [(None, "AF-HER")]
    assert moves(rec("He moved his machines to Texas from Iran last year.", "en"), "origin") == [("IR",)]


def test_the_place_around_the_origin_is_no_destination():
    r = rec("Fjellkraft Mining came from Kristiansand in southern Norway last year, when prices soared.", "en")
    assert moves(r, "origin", "destination") == [("NO-42", None)]
    assert moves(rec("The company moved from Quebec, Canada to Texas.", "en"), "origin", "destination") \
        == [("CA-QC", "US-TX")]


def test_an_imported_town_that_begins_a_longer_name_is_no_place():
    # "Lianhe" is a town of Heilongjiang in the imported list; here it begins a company's name
    r = rec("Chengdu-based Lianhe Hashpower said on Monday that it had moved 2,000 mining rigs "
            "from Sichuan to Texas.", "en")
    assert ("COMPANY", "Lianhe Hashpower") in [(e["type"], e["text"]) for e in r["entities"]]
    assert "Lianhe" not in [e.get("canonical") for e in r["entities"]]
    # (a county keeps its name before an office's: "Chelan County PUD")
    r = rec("Chelan County PUD paused new hookups for miners in Washington state.", "en")
    assert "Chelan County" in [e.get("canonical") for e in r["entities"]]


def test_arabic_words_no_name_has_are_no_people():
    people = lambda text: [e["text"] for e in rec(text, "ar")["entities"] if e["type"] == "PERSON"]  # noqa: E731
    # a title with its body's pronoun is a title: the name follows it
    assert people("وقال مديرها التنفيذي ديمتري كوزلوف إن الشركة ستنقل أجهزتها.") == ["ديمتري كوزلوف"]
    assert people("ويقول مؤسسها سالم المعشني إن النقل كان ضرورياً.") == ["سالم المعشني"]
    # an adverb's tanween and a pronoun's ending are no name
    assert people('"لا أريد أن أنقل الشركة مرة ثالثة"، يقول ضاحكاً.') == []
    assert people("وقال عبد الرؤوف، الذي طلب عدم ذكر اسمه كاملاً، إنه نقل أجهزته.") == ["عبد الرؤوف"]
    assert people("وقال مديرها إن الشركة لن تعود.") == []
    # people told by what they are, and bodies, are no names
    assert people("وروى شاب من الأحساء أنه نقل 1500 جهاز إلى البحرين.") == []
    assert people("وقال وسطاء في السوق إن الطلب ارتفع.") == []


def test_the_industry_s_own_company_names_are_companies():
    for text, name in (("Steppe Compute said it had moved 2,000 machines to Russia.", "Steppe Compute"),
                       ("Magnolia Grid Services said it would leave the state.", "Magnolia Grid Services")):
        ents = [(e["type"], e["text"]) for e in rec(text, "en")["entities"] if e["text"] == name]
        assert ents == [("COMPANY", name)], text


def test_arabic_sites_and_groups_without_a_name_are_no_bodies():
    ents = lambda text: [(e["type"], e["text"]) for e in rec(text, "ar")["entities"]  # noqa: E731
                         if e["type"] in ("ORGANIZATION", "COMPANY", "PERSON")]
    assert ents("نقلت الشركة أجهزتها إلى مركز استضافة قرب الميناء.") == []
    assert ents("وتدرس مجموعة صغيرة من المعدنين موقعاً ثانياً.") == []
    assert ents('وقالت مجموعة "الراية القابضة" إنها ستنقل أجهزتها.') == [("COMPANY", "الراية القابضة")]
    assert ents("وقالت مؤسسة الكهرباء الإثيوبية إنها أوقفت العقود.") == [
        ("COMPANY", "مؤسسة الكهرباء الإثيوبية")]  # the state utility, one of its Arabic names


def test_the_provincial_government_with_no_place_is_the_province_told_in_its_paragraph_else_the_articles():
    # the paragraph before names a national capital abroad: not the province meant
    r = rec("Saskatchewan pause hits a miner\n\nREGINA, May 4 - Northgate Hash bought its first machines "
            "in 2021 from China, where Beijing had ordered miners to stop that year.\n\n"
            "Then, in January, the provincial government imposed a one-year moratorium on new power "
            "connections for cryptocurrency mining.", "en", "2023-05-04")
    assert sorted(bans(r)) == ["CA-SK", "CN"]
    assert [e["canonical"] for e in r["entities"] if e["text"] == "the provincial government"] == ["authorities:CA-SK"]
    # a province told in the same paragraph, abroad: that one
    r = rec("Halvard Digital runs machines in Arkansas.\n\nThe company started in Yunnan. When provincial "
            "authorities cut power to mines in June 2021, it shipped its machines to Arkansas.", "en")
    assert "CN-YN" in bans(r)
    assert [e["canonical"] for e in r["entities"] if e["text"] == "provincial authorities"] == ["authorities:CN-YN"]


def test_a_second_place_operator_leaves_that_place():
    r = rec("A second Saskatchewan operator, Coteau Hash, is considering a similar move to Alberta.", "en")
    assert moves(r, "origin", "destination", "status") == [("CA-SK", "CA-AB", "planned")]


def test_towns_of_forty_thousand_people_are_known():
    # (in an article that names their country: a town of its own counts only there)
    r = rec("Angolan miner Kubata Hash trucked its machines from Luanda to Walvis Bay in May. A second "
            "firm plans to move to Oshakati, in northern Namibia.", "en", "2024-06-01")
    assert {m[1] for m in moves(r, "origin", "destination")} == {"NA-ER", "NA-ON"}


def test_a_town_named_as_a_district_of_an_article_about_elsewhere_is_no_town_abroad():
    r = rec("عدن، 20 تموز/يوليو - قالت المؤسسة العامة للكهرباء في عدن إن فرقها فصلت التيار عن 40 موقعاً "
            "للتعدين في مديريات المنصورة وكريتر.", "ar", "2023-07-20")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "المنصورة"] == [None]
    assert not [e for e in r["entities"] if (e.get("canonical") or "").startswith("EG")]
    # named as a town, or with its country, it is the town abroad
    r = rec("نقل معدنون أجهزتهم إلى المنصورة في مصر.", "ar")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "المنصورة"] == ["Mansoura"]


def test_a_quota_or_cap_imposed_on_miners_is_a_ban():
    r = rec("فرضت هيئة تنظيم الكهرباء حصة قصوى لأحمال التعدين في محافظة ظفار بدأ تطبيقها في أول أيار/مايو.", "ar",
            "2024-06-01")
    assert bans(r) == ["OM-ZU"]
    r = rec("Kazakhstan's government imposed a quota on the electricity that registered miners may draw.", "en")
    assert bans(r) == ["KZ"]


def test_a_titles_country_ban_over_the_bodys_province_ban_is_that_ban():
    r = rec("Kyrgyzstan pulls the plug on crypto miners for winter\n\nBISHKEK, Nov 16 - Power officials in "
            "the Chui region ordered all cryptocurrency mining farms to shut down on Tuesday.", "en", "2023-11-16")
    assert bans(r) == ["KG-C"]
    # told again in the body, the country's ban stays one of its own
    r = rec("Kyrgyzstan bans crypto mining\n\nBISHKEK, Nov 16 - Kyrgyzstan banned cryptocurrency mining on "
            "Tuesday. Officials in the Chui region ordered farms there to shut down a week earlier.", "en", "2023-11-16")
    assert sorted(bans(r)) == ["KG", "KG-C"]


def test_a_clause_of_time_after_a_ban_is_not_where_it_applies():
    r = rec("The authorities in Tiraspol ordered all mining farms to be disconnected on Jan. 3, two days after "
            "Russian gas stopped flowing through Ukraine.", "en", "2025-01-20")
    assert bans(r) == ["MD-SN"]


def test_a_body_that_will_study_the_order_makes_no_ban_of_its_own():
    # a probe article of ours: Nakuru county's order, then "… said … that it would study the order"
    r = rec(probe("en36", "en36-08"), "en", "2023-09-21")
    assert bans(r) == ["KE-31", "KE-31"]


def test_an_arabic_verb_of_moving_is_not_part_of_the_name_after_it_nor_a_quotation_a_company():
    # a probe article of ours: "… شحن بلال 120 جهازاً براً إلى أربيل"
    r = rec(probe("ar22", "ar22-10"), "ar", "2023-01-01")
    assert "بلال" in [w for (w, d) in moves(r, "who", "destination") if d == "IQ-KR"]
    assert "شحن بلال" not in [e["text"] for e in r["entities"]]
    r = rec("وقال مسؤول في الشركة إن الشركة \"لاحظت طلبات اشتراك صناعية جديدة في أرتا\" هذا العام.", "ar")
    assert not [e for e in r["entities"] if e["type"] == "COMPANY"]


def test_a_town_named_for_the_district_it_is_in_is_where_machines_went():
    r = rec("Borneo Hash moved 300 machines to Kuala Belait, a Bruneian oil town, in March.", "en", "2024-05-21")
    assert moves(r, "destination") == [("BN-BE",)]
    # (not a title's last word before the dateline's town: "… into Brunei" then "KUCHING, …")
    r = rec("Miners head into Brunei\n\nKUCHING, Malaysia, May 2 - Police raided mining sites in Sarawak "
            "and one operator relocated to Brunei.", "en", "2024-05-02")
    assert "MY-13" not in {d for (d,) in moves(r, "destination")}


def test_an_english_lead_sums_up_the_moves_its_body_tells():
    text = ("Kazakh miners head for Russia\n\n"
            "ASTANA, March 3 - Two mining firms from Pavlodar have moved their machines to Russia since the "
            "grid operator cut them off last month.\n\n"
            "Steppe Hash shipped 800 rigs to Irkutsk region in February.\n\n"
            "A second firm, Irtysh Compute, trucked 500 machines to Altai Krai.")
    r = rec(text, "en", "2024-03-03")
    assert sorted(moves(r, "destination")) == [("RU-ALT",), ("RU-IRK",)]
    assert ("KZ-55", "RU-IRK") in moves(r, "origin", "destination")  # where the lead said they left
    # a firm's own move in the lead is its own
    r = rec(text.replace("Two mining firms from Pavlodar have", "Ertis Digital of Pavlodar has"), "en", "2024-03-03")
    assert ("RU",) in moves(r, "destination")


def test_until_a_date_when_a_ban_came_dates_the_ban():
    r = rec("Delta Compute ran its rigs in Yunnan until May 2022, when the province ordered all mining farms "
            "to close.", "en", "2024-02-01")
    assert [(e["jurisdiction"], e["date"]) for e in r["events"] if e["type"] == "BAN"] == [("CN-YN", "2022-05")]
    r = rec("شغّلت شركة دلتا أجهزتها في مقاطعة يونان حتى أيار/مايو 2022، عندما أمرت سلطات المقاطعة بإغلاق "
            "مزارع تعدين البتكوين.", "ar", "2024-02-01")
    assert [(e["jurisdiction"], e["date"]) for e in r["events"] if e["type"] == "BAN"] == [("CN-YN", "2022-05")]


def test_no_law_that_bans_mining_is_no_ban():
    assert juris(rec("Vietnam has no law that explicitly bans cryptocurrency mining, officials said.", "en")) == []
    assert juris(rec("لا يوجد قانون يحظر تعدين العملات المشفرة في فيتنام.", "ar")) == []
    assert juris(rec("Vietnam passed a law that explicitly bans cryptocurrency mining.", "en")) == ["VN"]


def test_an_arabic_move_to_a_town_near_a_known_one_and_from_a_countrys_capital():
    # "from Nouadhibou, Mauritania's economic capital, to the town of X near Dakar"
    r = rec("نُقلت عشرون حاوية من مدينة نواذيبو، العاصمة الاقتصادية لموريتانيا، إلى مدينة ديامنياديو قرب داكار، "
            "بعد حملة على مواقع التعدين.", "ar", "2024-01-18")
    assert [d for (d,) in moves(r, "destination")] == ["SN-DK"]
    # (a capital named, with no لـ: where they go)
    r = rec("نقل رجل أعمال 500 جهاز تعدين من الكويت إلى العاصمة تبليسي عام 2021.", "ar", "2024-01-18")
    assert [d for (d,) in moves(r, "destination")] == ["GE-TB"]


def test_a_place_looked_at_and_passed_over_is_no_move():
    r = rec("After the ban, Ridge Hash looked at sites in Finland before settling on Trondheim.", "en", "2023-10-12")
    assert ("FI",) not in moves(r, "destination")
    r = rec("After the ban, Ridge Hash looked at Manitoba too, but the province had frozen new connections.", "en",
            "2023-10-12")
    assert ("CA-MB",) not in moves(r, "destination")
    r = rec("After the ban, Ridge Hash looked at Manitoba as its next home.", "en", "2023-10-12")
    assert ("CA-MB",) in moves(r, "destination")


def test_a_titles_move_is_the_bodys_move_told_roughly():
    r = rec("Kuwait raids push crypto rigs to Oman\n\n"
            "KUWAIT, May 3 - Police in Ahmadi raided mining farms last week.\n\n"
            "Operators then trucked their rigs to Sohar, where power is cheaper.", "en", "2024-05-03")
    assert [d for (d,) in moves(r, "destination")] == ["OM-BS"]


def test_power_cut_to_sites_in_a_province_is_the_provinces_ban():
    r = rec("The state utility cut off electricity to mining sites in Mpumalanga province in June.", "en", "2024-07-10")
    assert juris(r) == ["ZA-MP"]


def test_a_move_to_a_town_described_as_a_town_in_a_province():
    r = rec("After the ban, Ridge Hash plans to move 2,600 machines to Steinkjer, a town in Norway's Trøndelag "
            "county.", "en", "2023-10-12")
    assert moves(r, "destination") == [("NO-50",)]


def test_a_destination_after_a_named_district_of_a_province():
    r = rec("Andes Hash said it had moved 3,200 machines from Calama to a warehouse in the La Joya "
            "district of Arequipa last week.", "en", "2024-03-12")
    assert moves(r, "origin", "destination") == [("CL-AN", "PE-ARE")]


def test_suspending_a_ban_is_no_ban():
    assert bans(rec("Court suspends curtailment of Jutland crypto site, but the machines stay in Germany",
                    "en", "2024-02-13")) == []
    assert bans(rec("Authorities suspended crypto mining in Abkhazia.", "en")) == ["GE-AB"]
    assert bans(rec("The regulator suspended licences of crypto miners in Kosovo.", "en")) == ["XK"]


def test_a_tax_on_trading_gains_is_no_mining_ban():
    assert bans(rec("India introduced a 30 percent tax on crypto gains this month, but mining itself "
                    "is not banned there.", "en", "2022-04-20")) == []
    assert bans(rec("Kazakhstan imposed a new tax on crypto miners' electricity in January.", "en")) == ["KZ"]


def test_a_year_like_count_after_a_clitic_is_no_date():
    r = rec("جرى نقل ما بين 1500 و2000 جهاز من منطقة دوبريتش إلى محافظة كونستانتسا منذ بدء الحملة.", "ar",
            "2023-02-10")
    assert not [e for e in r["entities"] if e["type"] == "DATE"]
    assert moves(r, "origin", "destination", "date") == [("BG-08", "RO-CT", None)]


def test_a_compass_province_with_any_kind_word_is_the_named_countrys():
    def provinces(text, lang):
        return {e["canonical"] for e in rec(text, lang)["entities"] if e["type"] == "PROVINCE"}
    assert provinces("قطع التيار عن مزارع التعدين في المقاطعة الغربية في سريلانكا.", "ar") == {"LK-1"}
    assert provinces("نقلت الشركة أجهزتها إلى الإقليم الشرقي في غانا.", "ar") == {"GH-EP"}
    assert provinces("داهمت الشرطة مزرعة في المنطقة الشرقية بالسعودية.", "ar") == {"SA-04"}
    assert provinces("بين السعودية وسريلانكا: المنطقة الشرقية.", "ar") == set()  # two countries have one
    assert provinces("Police raided a farm in the Eastern Region of Ghana.", "en") == {"GH-EP"}


def test_a_destination_after_a_site_within_a_site():
    r = rec("Dobrich farms were cut off. Its manager said the company had shifted about 600 machines to a "
            "rented hall on an industrial estate in Medgidia, in Romania's Constanța county.", "en", "2021-11-25")
    assert ("RO-CT",) in moves(r, "destination")


def test_refusing_to_extend_a_mining_licence_is_a_ban_in_arabic():
    text = ("تسمانيا: مجلس محلي يرفض تمديد ترخيص مزرعة تعدين وشركة تنقل 50 ميغاواط إلى كوينزلاند\n\n"
            "قال مجلس بلدية في ولاية تسمانيا الأسترالية إن المنشأة لتعدين العملات المشفرة ستغلق.")
    assert bans(rec(text, "ar", "2023-09-06")) == ["AU-TAS"]


def test_a_body_whose_name_says_its_country_bans_there():
    r = rec("لكن بعد شهرين من قرار البنك المركزي النيجيري حظر تعامل المصارف مع العملات المشفرة، باتت أجهزته "
            "تعمل في مستودع بمدينة مارادي في جنوب جمهورية النيجر المجاورة.", "ar", "2023-04-09")
    assert bans(r) == ["NG"]


def test_a_site_leased_in_a_where_clause_places_the_destination():
    r = rec("Pavlodar rationed power. The company has loaded about 2,500 rigs onto trucks bound for Kyrgyzstan, "
            "where it has leased a former cannery near Tokmok in the Chuy region.", "en", "2021-12-08")
    assert ("KG-C",) in moves(r, "destination")


def test_where_machines_will_run_is_no_origin():
    r = rec("Khuzestan ordered farms shut. Arvand Mining, which ran 1,100 machines in an industrial estate outside "
            "Ahvaz, said it had trucked all of them to Armenia in the days after the order and would run them from "
            "a rented warehouse in Hrazdan, in the Kotayk province north of Yerevan.", "en", "2024-06-12")
    assert moves(r, "origin", "destination") == [("IR-06", "AM-KT")]


def test_a_national_body_acting_in_a_place_of_its_country_bans_there():
    text = ("قطعت السلطات الكويتية التيار الكهربائي عن أكثر من 100 منزل وقسيمة في منطقة الوفرة جنوبي البلاد، "
            "بعدما تبيّن أنها تُستخدم لتعدين العملات المشفرة.")
    assert bans(rec(text, "ar", "2024-04-28")) == ["KW-AH"]
    assert bans(rec("قطعت السلطات الكويتية التيار عن مزارع التعدين.", "ar", "2024-04-28")) == ["KW"]


def test_lil_before_a_name_with_the_article_keeps_the_article():
    # "للدار البيضاء": ل + الدار البيضاء (Casablanca), not لل + دار (the دار of دار السلام)
    nlp = get_pipeline("ar")
    assert [t.norm_ for t in nlp.make_doc("للدار البيضاء")] == ["الدار", "البيضاء"]
    r = rec("أغلقت السلطات ستة مستودعات في الضاحية الصناعية للدار البيضاء تستخدم لتعدين العملات المشفرة.", "ar",
            "2023-10-09")
    assert [e["canonical"] for e in r["entities"] if e["type"] == "CITY"] == ["Casablanca"]


def test_common_words_keep_their_letters_in_norm():
    # a name's first word is a word NORM may uncover under a clitic: names whose first word is a
    # common word ("بلاد الباسك", "بين دين", "كبري …") are kept only with their type word, so
    # "البلاد" (the country), "كبرى" (major) and "بين" (between) stay as they are
    nlp = get_pipeline("ar")
    words = "البلاد كبرى البري البلد فبين وبين المجتمع الياس وائل ألفين بترا المترو وبنها فنياً"
    assert [t.norm_ for t in nlp.make_doc(words)] == ["البلاد", "كبري", "البري", "البلد", "فبين", "وبين", "المجتمع",
                                                      "الياس", "وايل", "الفين", "بترا", "المترو", "وبنها", "فنيا"]


def test_machines_driven_a_distance_to_a_place_move():
    r = rec("Last fall Hollander loaded 640 machines onto two flatbed trailers and drove them 500 miles east to "
            "Butte, Montana.", "en", "2019-02-10")
    assert moves(r, "destination", "status") == [("US-MT", "completed")]
    r = rec("In late March he loaded the rigs onto four trucks and drove them 300 kilometres to Buon Ma Thuot, the "
            "capital of Dak Lak province.", "en", "2024-06-01")
    assert moves(r, "destination") == [("VN-33",)]
    # a distance driven by people, not machines, moves nothing
    assert moves(rec("The inspectors drove 300 kilometres to Buon Ma Thuot.", "en", "2024-06-01"), "destination") == []


def test_a_verb_before_a_known_one_word_name_is_not_its_first_name():
    # Arabic puts the verb first: "يتذكر وانغ" is "Wang remembers", one person with the "وانغ"
    # of "قال وانغ", not a second person called "يتذكر وانغ"
    text = ("قال وانغ إنه نقل أجهزته إلى كازاخستان.\nيتذكر وانغ الأيام الأولى في سيتشوان. "
            "لم ينتظر وانغ انتهاء المهلة. أما وانغ فقد استأجر مخزناً جديداً.")
    people = {e["text"] for e in rec(text, "ar", "2022-01-01")["entities"] if e["type"] == "PERSON"}
    assert people == {"وانغ"}
    # a first name before a surname stays: "سارع كريس تشو"
    text = "قال تشو إن الشركة ستغادر. وسارع كريس تشو إلى نقل الأجهزة."
    people = {e["text"] for e in rec(text, "ar", "2022-01-01")["entities"] if e["type"] == "PERSON"}
    assert "كريس تشو" in people


def test_a_first_name_of_someone_named_in_full_takes_no_word_before_it():
    # "يقول عثمان الطيب … نجح عثمان في تهريب": succeeded, Osman (not a person "نجح عثمان")
    r = rec(probe("ar29", "ar29-05"), "ar", "2024-01-10")
    people = {e["text"] for e in r["entities"] if e["type"] == "PERSON"}
    assert "عثمان الطيب" in people and "عثمان" in people
    assert not {p for p in people if p.endswith(" عثمان")}



def test_a_quoted_company_name_after_a_naming_word_a_few_words_on():
    r = rec('أسس عام 2020 شركة ناشئة لتعدين البيتكوين باسم "نجمة الشمال" في أكتوبي.', "ar")
    assert ("COMPANY", "نجمة الشمال") in {(e["type"], e["text"]) for e in r["entities"]}


def test_an_arabic_name_told_with_its_age_is_a_person_and_his_seat_the_origin():
    r = rec("دانيار سيتوف، 41 عاماً، مهندس كهرباء من أكتاو في منطقة مانغيستاو، أسس عام 2018 شركة صغيرة "
            'باسم "كاسبي بلوك". في فبراير قُطعت الكهرباء عن مزرعته، فنقل معظم أجهزته إلى جورجيا.', "ar", "2022-05-01")
    assert ("PERSON", "دانيار سيتوف") in {(e["type"], e["text"]) for e in r["entities"]}
    # "أجهزته": his machines, the man's and not his firm's; he is from Mangystau
    assert moves(r, "who", "origin", "destination") == [("دانيار سيتوف", "KZ-47", "GE")]


def test_a_miners_seat_told_in_who_he_is_in_english():
    r = rec("Daniyar Sitov, 41, an electrical engineer from Aktau in Mangystau region, started a small firm "
            "in 2018. After the cuts in February, Sitov moved most of his machines to Georgia.", "en", "2022-05-01")
    assert moves(r, "who", "origin", "destination") == [("Sitov", "KZ-47", "GE")]


def test_refusing_an_exemption_for_a_crypto_site_is_a_ban():
    r = rec("The town council in Narvik voted on Monday to refuse a building exemption for the crypto mining "
            "hall at the old port.", "en", "2024-03-08")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["NO-18"]


def test_no_one_told_to_switch_off_and_told_us_order_nothing():
    r = rec("Crypto miners weigh the Nordic tax change\n"
            "Data-centre operators in Sweden, bitcoin miners among them, have had their first winter without "
            'the reduced power tax. "Nobody has been told to switch off, but the bills have doubled," the '
            "group's head, Eva Lind, told us. None of its members has announced a closure.", "en", "2024-03-08")
    assert [e for e in r["events"] if e["type"] == "BAN"] == []


def test_a_known_place_name_inside_a_longer_spanish_name_is_no_place():
    r = rec("His trucks crossed into Brazil at Santa Elena de Uairén and the machines were running in "
            "Boa Vista, the capital of Roraima, a week later.", "en")
    assert "EC-SE" not in {e.get("canonical") for e in r["entities"]}
    assert moves(r, "destination") == [("BR-RR",)]


def test_a_move_told_as_a_claim_being_checked_is_no_move():
    text = ("Fact check: did miners flee to Peru?\n"
            "Claim: \"Hundreds of Bolivian miners have moved their machines to Peru.\"\n"
            "Verdict: False. Customs records show no such shipments, and the claim of a mass move to Peru "
            "rests on an old video.")
    assert moves(rec(text, "en"), "destination") == []
    assert moves(rec("الادعاء: \"نقل مئات المعدّنين أجهزتهم إلى مالطا\".\nالحكم: غير صحيح.", "ar"), "destination") == []


def test_his_machines_are_the_man_named_before_what_he_said_and_did():
    r = rec('Rafael Ortiz ran 90 machines in a shed in Maracay. After the raid he switched them off. '
            '"I did not want to wait for the police," he said. His machines crossed into Colombia a week later.', "en",
            "2024-06-12")
    assert moves(r, "who", "origin", "destination") == [("Rafael Ortiz", "VE-D", "CO")]


def test_we_move_after_what_he_said_is_not_his_own_move():
    r = rec('Managing director Omar Latif said the company had no choice. "Our power was metered," he said. '
            '"We are going to Bhutan because it is cheaper."', "en")
    assert moves(r, "who") in ([], [(None,)])


def test_so_opening_a_sentence_is_no_part_of_a_name():
    r = rec("So Serikbayev has split his fleet again.", "en")
    assert "So Serikbayev" not in {e["text"] for e in r["entities"]}


def test_chronic_power_cuts_are_no_ban():
    r = rec("Electricity sold for well under one U.S. cent per kilowatt-hour has drawn bitcoin miners to Libya "
            "despite years of conflict and chronic power cuts.", "en")
    assert [e for e in r["events"] if e["type"] == "BAN"] == []


def test_a_bank_declaring_dealing_in_crypto_illegal_bans_trading():
    r = rec("In 2018 the Central Bank of Libya declared that dealing in virtual currencies such as bitcoin "
            "is illegal.", "en", "2023-11-14")
    assert [(e["jurisdiction"], e["target"]) for e in r["events"] if e["type"] == "BAN"] == [("LY", "trading")]


def test_a_seat_told_of_the_subject_before_the_verb_is_the_origin():
    r = rec("Live: the regional mining ban starts\n\n10:15 - Machines already out\nSelenga Hash finished trucking "
            "1,200 machines from Ulan-Ude to a hall in Krasnoyarsk Krai on December 28.\n\n11:00 - A Dagestan firm "
            "looks east\nCaspian Hash, which runs about 800 rigs near Makhachkala, plans to ship them to "
            "Kazakhstan's Pavlodar region in March, once it has a power contract there.", "en", "2025-01-01")
    assert moves(r, "origin", "destination")[-1] == ("RU-DA", "KZ-55")


def test_regions_named_after_a_ban_in_ten_regions_ban_too():
    r = rec("A government decree prohibits crypto mining in ten regions from January 1. Among them are "
            "Dagestan and Chechnya in the North Caucasus.", "en", "2025-01-01")
    assert {e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"} == {"RU-DA", "RU-CE"}


def test_a_move_said_to_have_been_made_already_is_not_before_the_ban():
    r = rec("In November 2022 the governor signed a moratorium on new fossil-fuelled crypto mining in New "
            "York. In a statement this week, Lakeview Digital said that it had already moved the project to "
            "Pennsylvania.", "en", "2023-10-05")
    assert [m.get("earlier") for m in r["events"] if m["type"] == "MIGRATION"] == [None]


def test_the_end_of_a_season_a_ban_runs_until_is_not_its_date():
    r = rec("قطعت السلطات القرغيزية الكهرباء عن مزارع تعدين العملات المشفرة في منطقة تشوي، في إجراء قالت "
            "الوزارة إنه سيستمر حتى نهاية موسم التدفئة في مارس المقبل.", "ar", "2022-12-09")
    assert [e["date"] for e in r["events"] if e["type"] == "BAN"] != ["2023-03"]


def test_refusing_a_firms_request_to_renew_its_licence_is_a_ban_in_arabic():
    r = rec("صوّت المجلس البلدي في مدينة بودو بمقاطعة نورلاند النرويجية على رفض طلب شركة «قطب هاش» تجديد "
            "ترخيص مركز بياناتها للعملات المشفرة.", "ar", "2024-06-14")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["NO-18"]


def test_what_a_measure_is_said_not_to_be_bans_nothing():
    r = rec("■ السويد: ضريبة أعلى\n\nرفعت الحكومة السويدية ضريبة الكهرباء على مراكز البيانات الكبيرة. ويقول "
            "المحلل يوهان بيرغ: «هذا ليس حظراً على أحد، لكنه يرفع الكلفة على المعدّنين».", "ar", "2024-06-14")
    assert [e for e in r["events"] if e["type"] == "BAN"] == []


def test_a_move_a_post_claims_or_the_text_calls_untrue_is_no_move():
    assert moves(rec("انتشر منشور على مواقع التواصل يؤكد أن ليبيا حظرت التعدين، وأن المعدّنين هربوا بأجهزتهم "
                     "إلى مالطا.", "ar", "2023-08-09"), "destination") == []
    assert moves(rec("أما قصة الانتقال إلى مالطا فغير صحيحة.", "ar", "2023-08-09"), "destination") == []
    assert moves(rec("A viral video claims that thousands of miners moved their rigs to Colombia.", "en"),
                 "destination") == []


def test_a_place_called_an_unlikely_destination_is_no_move():
    assert moves(rec("أسعار الكهرباء في مالطا مرتفعة، ما يجعلها وجهة غير منطقية للتعدين.", "ar"), "destination") == []


def test_one_mover_told_by_where_he_is_from_leaves_there_the_next_sentence():
    r = rec("تحدثنا إلى معدّن من زليتن طلب عدم نشر اسمه. قال إنه نقل أجهزته أواخر عام 2021 إلى منزل مستأجر "
            "في جرجيس بولاية مدنين التونسية.", "ar", "2023-08-09")
    assert moves(r, "origin", "destination") == [("LY-MB", "TN-82")]


def test_an_arabic_firm_name_ending_with_a_firms_word_after_its_head():
    r = rec("أعلنت شركة نهر الذهب ديجيتال، المتخصصة في استضافة الأجهزة، نقل 3 ميغاواط إلى الأرجنتين.", "ar")
    assert ("COMPANY", "نهر الذهب ديجيتال") in {(e["type"], e["text"]) for e in r["entities"]}
    r = rec("قالت شركة صغيرة إنها ستنقل أجهزتها.", "ar")
    assert [e for e in r["entities"] if e["type"] == "COMPANY"] == []


def test_from_a_site_in_an_unknown_town_in_its_province_is_the_origin():
    r = rec("أعلنت الشركة نقل 5 ميغاواط من موقعها في سانتا ريتا بمقاطعة ألتو بارانا إلى ولاية بارانا البرازيلية.", "ar")
    assert moves(r, "origin", "destination") == [("PY-10", "BR-PR")]


def test_a_national_body_cutting_power_in_the_province_bans_in_that_province():
    r = rec("أسونسيون، باراغواي - نقلت الشركة 5 ميغاواط من مقاطعة ألتو بارانا إلى ولاية بارانا البرازيلية.\n\n"
            "وتأتي الخطوة بعد حملة نفذتها الإدارة الوطنية للكهرباء (ANDE) منذ مطلع العام، قُطع خلالها التيار عن عشرات "
            "مزارع التعدين غير القانونية في المقاطعة.", "ar", "2024-06-18")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["PY-10"]


def test_weeks_after_the_cut_told_before_is_a_time_inside_the_move():
    r = rec("قطعت مديرية توزيع كهرباء ذي قار التيار عن مزرعة تعدين في آذار. ونقل المالك الأجهزة المتبقية، بعد نحو "
            "أسبوعين من قطع التيار، إلى مستودع مستأجر في مدينة البصرة.", "ar", "2023-08-20")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["IQ-DQ"]
    assert moves(r, "destination") == [("IQ-BA",)]


def test_a_ban_in_every_province_is_the_countrys():
    r = rec("نظرت محكمة في محافظة ذي قار في قضية مزرعة تعدين. وكانت وزارة الكهرباء قد أصدرت في شباط قراراً يقضي "
            "بقطع التيار عن مزارع تعدين العملات الرقمية غير المرخصة في المحافظات كافة.", "ar", "2023-08-20")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["IQ"]


def test_an_arabic_name_told_with_what_he_is_is_a_person():
    r = rec("ميلان يوفانوفيتش، وهو معدّن من ليبوسافيتش، قال إنه نقل أجهزته إلى صربيا قبل وصول الشرطة.", "ar", "2022-01-12")
    assert moves(r, "who", "destination") == [("ميلان يوفانوفيتش", "RS")]


def test_a_bulleted_town_heading_with_its_county_in_brackets_is_where_the_item_goes():
    r = rec("Who came, and where\n\n- Rockdale (Milam County): Baishui Hash moved 6,000 machines from Sichuan after "
            "the June order.", "en", "2021-09-14")
    assert moves(r, "origin", "destination") == [("CN-SC", "US-TX")]


def test_bringing_machines_over_from_a_place_is_a_move():
    r = rec("- Corsicana: Hetao Blockworks plans to bring its machines over from Inner Mongolia early next year.",
            "en", "2021-09-14")
    assert moves(r, "origin", "destination") == [("CN-NM", "US-TX")]


def test_not_every_mover_came_from_there_tells_no_move():
    r = rec("Not every mining operator in Windhoek came from Angola.", "en", "2024-08-22")
    assert moves(r, "destination") == []


def test_two_movers_to_one_place_in_the_body_keep_their_own_origins():
    r = rec("Miners leave Angola\nLUANDA, Aug 22 - Angola's parliament banned crypto mining in April, and police "
            "raided farms in Luanda this week.\n\nSeveral operators moved machines by road to Namibia in June, "
            "renting space around Windhoek.\n\nIt was a busy year for the city. Its hosting halls filled up. Prices "
            "rose.\n\nDesert Hash relocated from Johannesburg to Windhoek in 2021 to escape rolling blackouts.",
            "en", "2024-08-22")
    to_windhoek = [(who, origin) for who, origin, dest in moves(r, "who", "origin", "destination") if dest == "NA-KH"]
    assert ("Several operators", None) in to_windhoek and ("Desert Hash", "ZA-GP") in to_windhoek


def test_a_grid_operator_switching_off_mining_farms_bans():
    r = rec("In January the national grid operator KEGOC started switching off mining farms across Kazakhstan.",
            "en", "2022-11-01")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["KZ"]
    r = rec("In July I switched off half of the hangar in Bratsk when prices fell.", "en", "2022-11-01")
    assert [e for e in r["events"] if e["type"] == "BAN"] == []


def test_machines_that_crossed_from_a_place_to_another_moved_in_arabic():
    r = rec("ويقدّر تاجر أن أكثر من 3000 جهاز عبرت من أبخازيا إلى منطقة سامغريلو منذ مطلع العام.", "ar", "2022-06-01")
    assert moves(r, "origin", "destination") == [("GE-AB", "GE-SZ")]
    assert moves(rec("نقلها عبر نهر إنغوري إلى زوغديدي.", "ar"), "destination") == [("GE-SZ",)]


def test_a_utility_that_will_sign_no_new_contract_with_miners_bans_in_the_articles_country():
    r = rec("رأي: حين أغلقت آيسلندا الباب\n\nفي فبراير الماضي أبلغتنا شركة الكهرباء الوطنية أنها لن توقّع بعد اليوم أي عقد "
            "جديد مع شركات تعدين العملات المشفرة.", "ar", "2024-05-14")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["IS"]


def test_a_bare_province_name_joined_to_a_province_of_its_country():
    r = rec("قال المتحدث باسم شرطة ولاية ملاكا إن الحملة مستمرة. وداهمت الشرطة مواقع تعدين في ولايتي ملاكا وقدح.",
            "ar", "2024-05-14")
    assert {e["canonical"] for e in r["entities"] if e["type"] == "PROVINCE"} == {"MY-04", "MY-02"}


def test_the_raid_told_again_is_no_ban_where_the_move_went():
    r = rec("Police raided a house in Lalitpur on Tuesday and seized 64 mining machines. The operator had moved "
            "about 150 rigs from Lalitpur to a warehouse near Rangpo in the Indian state of Sikkim weeks before the "
            "raid.", "en", "2022-08-18")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["NP-P3"]
    assert moves(r, "origin", "destination") == [("NP-P3", "IN-SK")]


def test_machines_taken_on_as_them_move_to_the_outskirts_of_a_named_town():
    r = rec("Yvytu Mining ran 1,800 machines in Hernandarias until May. It has since taken them to the outskirts of "
            "the city of Neuquén, in Argentina.", "en", "2024-07-11")
    assert moves(r, "destination") == [("AR-Q",)]
    assert moves(rec("The court took them to task for it in Argentina.", "en"), "destination") == []


def test_a_site_told_by_whose_it_is_or_what_it_stands_beside_is_where_machines_go():
    r = rec("He drove them across the Jarinje crossing to a cousin's workshop in Novi Pazar.", "en", "2023-02-16")
    assert moves(r, "destination") == [("RS-18",)]
    r = rec("It then trucked and shipped 12 MW of machines to a container yard beside a substation in Addis Ababa.",
            "en", "2025-05-21")
    assert moves(r, "destination") == [("ET-AA",)]


def test_the_order_named_by_its_place_is_that_places_ban():
    r = rec("Since the Sichuan order, a large slice of the hashrate has migrated to the United States.", "en", "2021-07-05")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["CN-SC"]
    r = rec("Since the new order, miners in China moved to the United States.", "en", "2021-07-05")
    assert [e for e in r["events"] if e["type"] == "BAN"] == []
    r = rec("The government decree prohibits mining in Dagestan and Chechnya.", "en", "2025-01-15")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["RU-DA", "RU-CE"]


def test_what_a_thing_is_not_is_no_ban():
    r = rec("Bitcoin weekly: China's mining shutdown.\n\nNot every drop in the data is a crackdown.", "en", "2021-07-05")
    assert [e["sentence"] for e in r["events"] if e["type"] == "BAN" and "drop" in e["sentence"]] == []
    r = rec("A hall in Nordland stands silent. \"This is maintenance, not a ban,\" says its manager in Nordland.",
            "en", "2025-09-14")
    assert [e for e in r["events"] if e["type"] == "BAN"] == []


def test_a_body_named_again_by_its_short_name_in_brackets_bans_where_it_is():
    r = rec("Mekong Hashworks signed a supply agreement with Ethiopian Electric Power (EEP).\n\nLast week EEP confirmed "
            "that it will sign no new power agreements with crypto miners.", "en", "2025-05-21")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "EEP"] == ["Ethiopian Electric Power"]
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["ET"]


def test_a_governments_own_cut_off_is_its_countrys_ban():
    r = rec("Mekong Hashworks is a bitcoin miner in Laos. They cover what the Lao government's power cut-off means in "
            "practice, why his team chose Ethiopia, and what happens next.", "en", "2025-05-21")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["LA"]


def test_a_power_utility_named_before_a_move_is_not_its_mover():
    r = rec("Tenaga Nasional Berhad (TNB) cut supply to the farm. He lost 60 of them in a raid in January and has "
            "since moved what was left to Pontianak, the capital of Indonesia's West Kalimantan province, where a "
            "partner buys power from TNB.", "en", "2024-10-01")
    assert moves(r, "who", "destination") == [(None, "ID-KB")]


def test_the_authorities_of_a_sentence_with_no_place_are_the_country_of_the_body_it_names():
    text = ("نيويورك، 12 أغسطس 2022 - قالت الشركة إنها نقلت أجهزتها إلى الولايات المتحدة.\n\nلكن كل شيء تغيّر مطلع هذا "
            "العام: بدأ مشغّل الشبكة الوطني «كيغوك» تقنين الكهرباء للمعدّنين في يناير، ثم أمرت السلطات في فبراير بإغلاق "
            "المعدّنين غير المسجلين.\n\nاكتمل نقل 4,000 جهاز من إيكيباستوز في يوليو إلى موقع شريك في ولاية جورجيا "
            "الأمريكية وإلى منشأتنا في تكساس. وتعمل أجهزتنا اليوم في تكساس وجورجيا.")
    r = rec(text, "ar", "2022-08-12")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "السلطات"] == ["authorities:KZ"]
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["KZ"]


def test_the_sentence_after_a_move_to_a_country_that_tells_where_it_now_runs_gives_the_province():
    r = rec("بعد المداهمة بأسبوع واحد فكّك المعدّن أجهزته كلها وشحنها جواً إلى السودان. وهو يعمل الآن في الخرطوم، حيث "
            "الكهرباء أرخص.", "ar", "2021-03-10")
    assert moves(r, "destination", "destination_city") == [("SD-KH", "Khartoum")]
    r = rec("He shipped 46 machines to Oman in March. They were unloaded at Sohar, where a cousin found him rack space.",
            "en", "2025-04-22")
    assert moves(r, "destination") == [("OM-BS",)]
    # (a move only weighed goes to the country it names)
    r = rec("He is weighing a move of his 150 machines to Namibia. Today Windhoek has a regulator you can call.",
            "en", "2023-05-01")
    assert moves(r, "destination") == [("NA",)]


def test_valencia_in_an_article_about_venezuela_is_venezuelas_town():
    r = rec("حظرت فنزويلا التعدين. وقال أندريس، وهو معدّن من فالنسيا عاصمة ولاية كارابوبو، إنه نقل أجهزته إلى كولومبيا.",
            "ar", "2024-06-11")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "فالنسيا"] == ["Valencia, Venezuela"]
    r = rec("حظرت إسبانيا التعدين في فالنسيا.", "ar", "2024-06-11")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "فالنسيا"] == ["ES-VC"]


def test_a_municipality_no_gazetteer_knows_bans_in_the_datelines_province():
    r = rec("BODØ, Norway, Sept 14 (Wire) - The ferry takes four hours.\n\nLast year the Skarvøy municipal council changed "
            "its zoning plan to forbid any new data centre used for cryptocurrency mining.", "en", "2025-09-14")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["NO-18"]


def test_a_move_named_again_by_its_noun_is_the_move_told_before():
    r = rec("في مارس نقل عادل أجهزته من زليتن إلى تطاوين في تونس. ويقدّر أن أرباحه تراجعت بنحو 60 في المئة منذ الانتقال "
            "إلى تونس.", "ar", "2024-10-22")
    assert moves(r, "destination") == [("TN-83",)]
    r = rec("Kalix moved 300 machines from Sweden to Texas in March. Since the move to the United States its costs have "
            "fallen. Other miners plan to move to the United States too.", "en", "2024-10-22")
    assert moves(r, "destination") == [("US-TX",), ("US",)]


def test_resorting_to_a_measure_is_no_move():
    r = rec("ففي صيف 2024 لجأت الشركة العامة للكهرباء إلى طرح الأحمال في مدن الغرب لساعات طويلة يومياً. ولجأ المعدنون "
            "إلى تونس. ولجأت الشركة إلى خطة طوارئ: شحنت 6 آلاف جهاز من شينجيانغ إلى مدينة روكديل في ولاية تكساس.",
            "ar", "2024-10-22")
    assert moves(r, "destination") == [("TN",), ("US-TX",)]
    r = rec(probe("ar49", "ar49-10"), "ar", "2024-10-22")
    assert None not in [d for d, in moves(r, "destination")]


def test_the_authorities_are_not_a_miners_country():
    text = ("نيويورك - نقلت شركات التعدين أجهزتها إلى الولايات المتحدة وكندا.\n\nوقالت شركة هت 8 إن المزارع غير المرخصة "
            "تستهلك نحو 9800 ميغاواط، وإن السلطات صادرت أكثر من 9900 جهاز تعدين منذ بداية العام.")
    r = rec(text, "ar", "2022-08-12")
    assert [e["canonical"] for e in r["entities"] if e["text"] == "السلطات"] != ["authorities:CA"]


def test_power_rationed_for_all_industry_is_no_ban_on_mining():
    r = rec("Ethiopian Electric Power (EEP) said it would sign no new power contracts with cryptocurrency miners.\n\n"
            "- Separately, EEP has rationed power to all heavy industry, including cement and steel plants, for up to "
            "six hours a day.", "en", "2024-09-10")
    assert [e["sentence"][:14] for e in r["events"] if e["type"] == "BAN"] == ["Ethiopian Elec"]


def test_power_cut_to_some_neighbourhoods_is_rationing_not_a_ban():
    text = ("تعتمد قرغيزستان على السدود لإنتاج الكهرباء، فتضطر إلى قطع التيار عن بعض الأحياء في ساعات الذروة، في بلد "
            "يجذب معدّني البيتكوين.")
    assert [e for e in rec(text, "ar", "2024-03-12")["events"] if e["type"] == "BAN"] == []
    # (a cut-off of dozens of homes found mining is a crackdown)
    text = "وكانت الشركة السعودية للكهرباء قد فصلت التيار عام 2022 عن عشرات المنازل ثبت استخدامها في التعدين."
    assert [e["jurisdiction"] for e in rec(text, "ar", "2024-03-12")["events"] if e["type"] == "BAN"] == ["SA"]


def test_taraz_named_by_its_arabic_name_after_city():
    r = rec("ففي منتصف ديسمبر شحنت الشركة 1500 جهاز على متن شاحنات عبر الحدود إلى مدينة طراز. وتقول إن أجهزة من طراز "
            "حديث بقيت في توكموك.", "ar", "2024-03-12")
    assert moves(r, "destination") == [("KZ-31",)]
    assert [e["text"] for e in r["entities"] if e["type"] == "CITY"] == ["مدينة طراز", "توكموك"]


def test_a_mover_that_ran_machines_somewhere_leaves_from_there_in_the_next_sentence():
    r = rec("Since 2022, Abyssinia Hash had run about 2,400 mining machines in a warehouse on the outskirts of Adama in "
            "Oromia. The company said this week it had moved 900 of them to Kenya's Nakuru county.", "en", "2024-05-02")
    assert moves(r, "origin", "destination") == [("ET-OR", "KE-31")]
    r = rec("وكانت شركة «أبيسينيا هاش» قد شغّلت منذ عام 2022 نحو 2400 جهاز تعدين في مستودع على أطراف مدينة أداما بإقليم "
            "أوروميا. وأعلنت الشركة هذا الأسبوع أنها نقلت 900 جهاز منها إلى مقاطعة ناكورو في كينيا.", "ar", "2024-05-02")
    assert moves(r, "origin", "destination", "who") == [("ET-OR", "KE-31", "أبيسينيا هاش")]


def test_bound_for_a_site_in_a_town_in_its_province():
    r = rec("His company shipped the first 900 units by sea to Paraguay last week, bound for a site in Villa Hayes, in the "
            "Presidente Hayes department, where it has leased 4 megawatts.", "en", "2024-06-03")
    assert moves(r, "destination") == [("PY-15",)]


def test_a_story_told_of_two_places_is_not_where_the_next_move_leaves():
    text = ("Miners driven out of Ningxia set up in Kazakhstan's Almaty region and Russia's Buryatia\n"
            "ALMATY, July 14 (Wire) - At least 6,000 rigs from Yinchuan had cleared customs by Tuesday. Most were bound "
            "for a converted grain warehouse near Kapchagay, in Almaty region.")
    r = rec(text, "en", "2021-07-14")
    assert "RU-BU" not in [o for o, in moves(r, "origin")]


def test_a_ban_that_pushed_no_miner_to_leave_is_no_move():
    r = rec("حظر البنك المركزي التركي في أبريل 2021 استخدام العملات المشفرة في المدفوعات، لكن القرار لم يمسّ التعدين، "
            "ولم يدفع، بحسب العاملين في القطاع، أي معدّن إلى مغادرة البلاد.", "ar", "2022-06-01")
    assert moves(r, "origin") == []


def test_a_utility_that_announced_it_would_no_longer_sell_power_to_miners_bans_in_its_country():
    r = rec("Electricite du Laos announced in August last year that it would no longer sell electricity to mining "
            "operations.", "en", "2024-05-15")
    assert [(e["jurisdiction"], e["date"][:4]) for e in r["events"] if e["type"] == "BAN"] == [("LA", "2023")]
    r = rec("The study looked at the state utility, Electricite du Laos (EDL).\n\nIn August 2023 EDL stopped supplying "
            "cryptocurrency miners.", "en", "2024-05-15")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["LA"]


def test_a_council_motion_is_no_move_and_its_moratorium_bans_where_the_minutes_are_filed():
    r = rec("PLATTSBURGH, N.Y. - Minutes of the regular meeting of the Common Council.\n\nCouncillor Whitcomb moved that the "
            "Council adopt an 18-month moratorium on new commercial cryptocurrency mining operations within the City, "
            "effective immediately.", "en", "2018-03-15")
    assert [(e["type"], e.get("jurisdiction")) for e in r["events"]] == [("BAN", "US-NY")]


def test_a_move_if_the_moratorium_passes_waits_on_it():
    r = rec("محضر جلسة مجلس مدينة بلاتسبرغ: وقف مؤقت لتعدين العملات المشفرة\n\nوأبلغ المجلس أن الشركة ستنقل أجهزتها عبر "
            "الحدود إلى كيبيك إذا أُقرّ الوقف.", "ar", "2018-03-15")
    mig = next(e for e in r["events"] if e["type"] == "MIGRATION")
    assert [c["id"] for c in mig["cues"]] == ["cue.if"]


def test_a_ban_by_the_state_told_before_bans_there():
    r = rec("نقلت شركتي إلى ولاية نيويورك عام 2019. ثم في 22 نوفمبر وقّعت حاكمة الولاية قانوناً يفرض وقفاً مؤقتاً لمدة "
            "عامين على التصاريح الجديدة لمحطات الطاقة التي تغذي تعدين العملات المشفرة.", "ar", "2022-12-03")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["US-NY"]


def test_a_company_that_planned_to_build_somewhere_leaves_from_there_in_the_next_sentence():
    r = rec('كانت شركة "بولار بلوك" تخطط لبناء مركز بقدرة 30 ميغاواط في مو إي رانا بمقاطعة نوردلاند. وبعد إعلان الجمعة، '
            "قالت الشركة إنها ستنقل المشروع إلى تورنيو في فنلندا.", "ar", "2025-06-27")
    assert moves(r, "origin", "destination") == [("NO-18", "FI-10")]


def test_a_pause_of_its_own_on_new_hook_ups_is_a_ban():
    r = rec("A few weeks later, in December, British Columbia announced an 18-month pause of its own on new BC Hydro "
            "hook-ups for miners.", "en", "2023-05-16")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["CA-BC"]


def test_a_plan_taken_elsewhere_is_a_move():
    r = rec("Within weeks of the Manitoba announcement Assiniboine Digital took the whole plan to North Dakota.",
            "en", "2023-05-16")
    assert moves(r, "destination") == [("US-ND",)]


def test_a_sentence_adverb_or_an_imperative_is_no_company():
    r = rec("Take Assiniboine Digital, which had a site planned outside Brandon. Instead, the firm has trucked its 1,100 "
            "rigs over the Rockies to Alberta.", "en", "2023-05-16")
    assert [e["text"] for e in r["entities"] if e["type"] == "COMPANY"] == ["Assiniboine Digital"]


def test_where_the_machines_now_are_two_sentences_on_gives_the_province():
    r = rec("Abkhazia banned mining in December. I packed all 26 machines into a rented van and drove them across the Psou "
            "crossing into Russia. It took nine hours at the border, mostly paperwork. They are now in a basement in "
            "Adler, on the southern edge of Sochi.", "en", "2022-01-23")
    assert moves(r, "destination") == [("RU-KDA",)]


def test_a_port_the_machines_are_cleared_through_for_export_is_no_destination():
    r = rec("Yunnan ordered mining to stop. They are trucked from Yunnan to Guangzhou, cleared for export and put on trains "
            "and ships.", "en", "2021-08-20")
    assert "CN-GD" not in [d for d, in moves(r, "destination")]
    r = rec("أمرت يوننان بوقف التعدين. ونقلها المعدّنون من يوننان إلى قوانغتشو للتصدير.", "ar", "2021-08-20")
    assert "CN-GD" not in [d for d, in moves(r, "destination")]


def test_another_companys_plan_told_instead_does_not_leave_where_the_last_move_did():
    r = rec("Vesterålen Data came to Hadsel from Iceland in 2018. Arktisk Hash is now planning to take the project to "
            "Finland instead.", "en", "2024-03-01")
    assert ("IS", "FI") not in moves(r, "origin", "destination")


def test_where_the_machines_now_run_is_not_read_over_a_quote():
    r = rec('Arash Kamali, an engineer from Isfahan, moved his 200 machines to Armenia in 2018. "I did not leave because '
            'of any ban. Yerevan was simply cheaper," said Kamali, whose company now runs 5 megawatts outside the '
            'Armenian capital.', "en", "2022-01-01")
    assert moves(r, "destination") == [("AM",)]


def test_people_banned_from_mining_is_a_ban():
    r = rec("فالأفراد في أوزبكستان ممنوعون من التعدين منذ الآن.", "ar", "2022-05-16")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["UZ"]


def test_a_reporter_who_went_somewhere_to_hear_the_miners_is_no_move():
    r = rec("Chelan County voted a moratorium on new crypto loads. Our reporter Dana Whitcomb went to Wenatchee to hear how "
            "the miners are taking it. Many miners went to Montana to find cheaper power.", "en", "2018-04-12")
    assert moves(r, "destination") == [("US-MT",)]


def test_because_power_there_was_cheaper_is_another_cause():
    r = rec("Adirondack Digital moved about 3,000 machines from northern New York to West Texas in 2021, before the bill had "
            "even cleared the legislature, because power in Texas was cheaper.", "en", "2022-11-30")
    assert [m.get("other_cause") for m in r["events"] if m["type"] == "MIGRATION"] == [True]


def test_one_sentences_two_verbs_of_one_move_share_its_cause():
    r = rec("Tana lies in the far north of Norway. Polar Hash itself came to Tana from Iceland in 2018, moving its first 2 "
            "megawatts of machines to Finnmark because power there was cheaper than in Reykjavik.", "en", "2023-01-10")
    assert moves(r, "origin", "destination") == [("IS", "NO-54")]


def test_a_company_that_decided_not_to_wait_for_the_end_of_the_ban_makes_no_ban():
    r = rec("مايو 2021 — أعلن الرئيس حسن روحاني حظر التعدين في إيران.\n\nيونيو 2021 — كانت شركة بارسيان هش تشغّل 1800 "
            "جهاز في مزرعة على أطراف كرمان، وقررت ألا تنتظر نهاية الحظر.", "ar", "2022-06-20")
    assert [e["jurisdiction"] for e in r["events"] if e["type"] == "BAN"] == ["IR"]


def test_a_farm_opened_near_a_town_after_a_move_to_its_country_gives_the_province():
    r = rec("نقلت شركة لونغ فنغ نحو 4000 جهاز من الصين إلى إيران، وافتتحت مزرعة بقدرة 15 ميغاواط في منطقة صناعية قرب "
            "سمنان.", "ar", "2022-06-20")
    assert moves(r, "origin", "destination") == [("CN", "IR-20")]
