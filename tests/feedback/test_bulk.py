"""Reading bulk focus-group entry: one contribution per line, with optional prefixes."""

from feedback.bulk import parse_line, parse_lines


def test_prefixes_set_speaker_group_and_words_in_either_order():
    assert parse_line("carer: It took three months").speaker_group == "carer"
    p = parse_line("[paraphrase] lda: Nobody listened")
    assert (p.text, p.speaker_group, p.words) == ("Nobody listened", "lda", "paraphrase")
    p = parse_line("Young Person: [own words] Same nurse please")
    assert (p.text, p.speaker_group, p.words) == ("Same nurse please", "young_person", "own_words")


def test_lines_without_prefixes_use_the_defaults_and_blank_lines_are_skipped():
    parsed = parse_lines(
        "\n  first\n\nsecond: not a prefix\n", speaker_group="carer", words="paraphrase"
    )
    assert [p.text for p in parsed] == ["first", "second: not a prefix"]
    assert {p.speaker_group for p in parsed} == {"carer"}
    assert {p.words for p in parsed} == {"paraphrase"}


def test_a_prefix_alone_is_not_a_contribution():
    assert parse_line("carer:   ") is None
