"""One home for the wording of voice, channel, area and age band as insight, exports and easy
read show them (the form wording stays on the model choices, in the person's own terms).

A focus-group contribution's speaker group maps onto the nearest voice here too, so survey
responses and contributions share one set of voices everywhere.
"""

from __future__ import annotations

from languages.catalogue import languages

from .models import AgeBand, Area, Channel, SpeakerGroup, Voice

PROFESSIONAL = "professional"  # a voice only focus groups record

SPEAKER_TO_VOICE: dict[str, str] = {
    SpeakerGroup.LDA: Voice.SELF,
    SpeakerGroup.CARER: Voice.CARER,
    SpeakerGroup.YOUNG_PERSON: Voice.YOUNG_PERSON,
    SpeakerGroup.PROFESSIONAL: PROFESSIONAL,
    SpeakerGroup.UNKNOWN: "",
}
#: The speaker group of contributions a voice filter keeps (voices focus groups never record
#: are absent: filtering by them keeps no contributions).
VOICE_TO_SPEAKER: dict[str, str] = {v: s for s, v in SPEAKER_TO_VOICE.items() if v in Voice.values}

VOICE_LABELS: dict[str, str] = {
    Voice.SELF: "People speaking for themselves",
    Voice.SUPPORTER: "Supporters helping someone answer",
    Voice.CARER: "Family carers",
    Voice.YOUNG_PERSON: "Young people",
    Voice.STAFF_RECORDED: "Staff writing down someone's words",
    PROFESSIONAL: "Professionals (focus groups)",
    "": "Not recorded",
}
VOICE_EASY: dict[str, str] = {
    Voice.SELF: "people with a learning disability or autistic people",
    Voice.SUPPORTER: "people helping someone",
    Voice.CARER: "family carers",
    Voice.YOUNG_PERSON: "young people",
    Voice.STAFF_RECORDED: "people who told staff",
    PROFESSIONAL: "staff",
    "": "other people",
}
VOICE_EASY_ONE: dict[str, str] = {  # who said a quote, in easy read: "Said by someone who ..."
    Voice.SELF: "someone speaking for themselves",
    Voice.SUPPORTER: "someone helping a person answer",
    Voice.CARER: "someone who cares for a family member",
    Voice.YOUNG_PERSON: "a young person",
    Voice.STAFF_RECORDED: "someone who told a member of staff",
    PROFESSIONAL: "someone who works in health or care",
    "": "",
}
#: Plural wording for "No ... from ... yet" on the representation page.
VOICE_PLURAL: dict[str, str] = {
    Voice.SELF: "people speaking for themselves",
    Voice.CARER: "family carers",
    Voice.YOUNG_PERSON: "young people",
}
FOCUS_GROUP_AREA = "focus_group"
AREA_LABELS: dict[str, str] = {
    **dict(Area.choices),
    "": "Not recorded",
    FOCUS_GROUP_AREA: "Focus groups (area not recorded)",
}
AREA_NAME: dict[str, str] = {
    Area.LEICESTER: "Leicester",
    Area.LEICESTERSHIRE: "Leicestershire",
    Area.RUTLAND: "Rutland",
}
#: The language a response was given in (the survey's language), by its English name; focus
#: groups record none.
FOCUS_GROUP_LANGUAGE = "focus_group"
LANGUAGE_LABELS: dict[str, str] = {
    **{lang.code: lang.name for lang in languages()},
    "": "Not recorded",
    FOCUS_GROUP_LANGUAGE: "Focus groups (language not recorded)",
}
CHANNEL_LABELS: dict[str, str] = dict(Channel.choices)
AGE_BAND_LABELS: dict[str, str] = dict(AgeBand.choices)


def voice_label(voice: str) -> str:
    return VOICE_LABELS.get(voice, voice)


def area_label(area: str) -> str:
    return AREA_LABELS.get(area, area)


def channel_label(channel: str) -> str:
    return CHANNEL_LABELS.get(channel, channel)
