"""Who says so: named, vague and missing sources, read from the parse."""

from __future__ import annotations

from newsaudit import Auditor
from newsaudit.model import Attribution
from newsaudit.stages.acronyms import find_acronyms
from newsaudit.stages.attribution import Attributor


def _credits(auditor: Auditor, text: str) -> list[Attribution]:
    """The attribution of every sentence of `text`, in order."""
    doc = auditor.language.parse(text)
    attributor = Attributor(find_acronyms(doc))
    out = []
    for sent in doc.sents:
        att = attributor.attribute(sent)
        if att.start is not None and att.end is not None:
            assert text[att.start : att.end] == att.mention
        out.append(att)
    return out


def _one(auditor: Auditor, text: str) -> Attribution:
    (att,) = _credits(auditor, text)
    return att


def test_according_to_a_named_body(auditor: Auditor) -> None:
    att = _one(auditor, "According to the Tidewell Ferry Company, crossings resumed at noon.")
    assert (att.type, att.source, att.source_kind) == (
        "named",
        "Tidewell Ferry Company",
        "organisation",
    )
    assert att.cue == "According to"


def test_according_to_a_study_by_an_acronym_defined_body(auditor: Auditor) -> None:
    text = (
        "The Marsh Bird Trust (MBT) counts waders every winter. "
        "According to a survey by the MBT, lapwing numbers halved."
    )
    att = _credits(auditor, text)[1]
    assert (att.type, att.source) == ("named", "Marsh Bird Trust")
    assert att.mention is not None and "a survey by the MBT" in att.mention


def test_the_acronym_report(auditor: Auditor) -> None:
    text = (
        "The Marsh Bird Trust (MBT) counts waders. According to the MBT report, curlews returned."
    )
    assert _credits(auditor, text)[1].source == "Marsh Bird Trust"


def test_person_said_that_with_title_stripped(auditor: Auditor) -> None:
    att = _one(auditor, "Dr Lena Okoro said that the vaccine stocks would last until May.")
    assert (att.type, att.source, att.source_kind) == ("named", "Lena Okoro", "person")


def test_quote_then_said_person_and_later_surname(auditor: Auditor) -> None:
    text = (
        '"We saw the water rise in minutes," said harbour master Idris Pellow. '
        "Pellow told reporters that the sea wall had held."
    )
    first, second = _credits(auditor, text)
    assert first.source == "Idris Pellow"
    assert (second.type, second.source, second.cue) == ("named", "Idris Pellow", "told")


def test_pronoun_refers_back_to_the_last_person(auditor: Auditor) -> None:
    text = 'Farmer Gwen Addo said the frost came early. "Half the crop is gone," she said.'
    assert _credits(auditor, text)[1].source == "Gwen Addo"


def test_trailing_said_with_a_definite_body(auditor: Auditor) -> None:
    text = (
        "The Brenmoor Water Board said pipes burst overnight. "
        "About 400 homes lost supply for six hours, the board said."
    )
    att = _credits(auditor, text)[1]
    assert (att.type, att.source, att.mention) == ("named", "Brenmoor Water Board", "the board")


def test_spokesperson_for_a_company(auditor: Auditor) -> None:
    att = _one(auditor, "A spokesperson for Keld Motors said the recall was voluntary.")
    assert (att.type, att.source) == ("named", "Keld Motors")


def test_unnamed_sources_are_vague(auditor: Auditor) -> None:
    for text, word in [
        ("Recent reports have revealed that the mayor may resign.", "reports"),
        ("Officials said the bridge would reopen in spring.", "Officials"),
        ("Sources familiar with the matter said the bid had failed.", "Sources"),
        ("Experts believe that the drought will continue.", "Experts"),
        (
            "A senior official who spoke on condition of anonymity said talks had stalled.",
            "official",
        ),
        ("Critics say the tax is unfair.", "Critics"),
    ]:
        att = _one(auditor, text)
        assert att.type == "vague", text
        assert att.source is None
        assert att.mention is not None and word in att.mention


def test_expletive_passive_is_vague(auditor: Auditor) -> None:
    att = _one(auditor, "It is reported that the club will sell its ground.")
    assert (att.type, att.mention) == ("vague", "It is reported")


def test_agentless_passive_and_plain_statements_have_no_source(auditor: Auditor) -> None:
    for text in [
        "The closure has been attributed to falling visitor numbers.",
        "The bell tower is believed to date from the 1400s.",
        "The market opens at dawn on Saturdays.",
        "The council told residents to keep their bins indoors.",
        "The delay in the repairs indicates that the contractor is short of staff.",
    ]:
        assert _one(auditor, text).type == "none", text


def test_no_credit_to_the_next_sentence(auditor: Auditor) -> None:
    text = "Officials said the road was closed. A lorry had overturned near the junction."
    assert [a.type for a in _credits(auditor, text)] == ["vague", "none"]


def test_first_person_is_not_a_source(auditor: Auditor) -> None:
    assert _one(auditor, "I think the plan will fail.").type == "none"


def _audit_credits(auditor: Auditor, text: str) -> list[Attribution]:
    """Credits as the audit gives them: the rules first, then the tagger's sources."""
    doc = auditor.language.parse(text)
    attributor = Attributor(find_acronyms(doc), auditor.attribution_tagger.relations(doc))
    return [attributor.attribute(sent) for sent in doc.sents]


def test_a_source_only_the_tagger_marks_is_credited(auditor: Auditor) -> None:
    text = "The national government has promised $25 million in emergency aid for the valley."
    assert _one(auditor, text).type == "none"  # no reporting verb: the rules stay silent
    (att,) = _audit_credits(auditor, text)
    assert (att.type, att.source, att.source_kind) == (
        "named",
        "national government",
        "organisation",
    )
    assert att.mention == "The national government"


def test_the_rules_win_over_the_tagger(auditor: Auditor) -> None:
    text = "Crossings resumed at noon, according to the Tidewell Ferry Company."
    (att,) = _audit_credits(auditor, text)
    assert (att.source, att.cue) == ("Tidewell Ferry Company", "according to")


def test_a_first_person_tagged_source_credits_nothing(auditor: Auditor) -> None:
    for text in ("I think the council is wrong about the budget.", "We expect the ferry soon."):
        doc = auditor.language.parse(text)
        tagged = auditor.attribution_tagger.relations(doc)
        assert [text[r.source[0] : r.source[1]] for r in tagged if r.source] == [
            text[0 : text.index(" ")]
        ]
        (att,) = _audit_credits(auditor, text)
        assert att.type == "none", text


def test_a_body_noun_with_its_own_modifier_is_not_an_earlier_body(auditor: Auditor) -> None:
    text = (
        "About 3,000 people were evacuated, the regional government said. "
        "The national government said aid would arrive on Monday. "
        "The government said the roads were closed."
    )
    first, second, third = _credits(auditor, text)
    assert first.source == "regional government"
    assert second.source == "national government"
    assert third.source == "national government"  # the latest body with that noun
