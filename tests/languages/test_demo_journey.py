"""A Gujarati speaker switches language, reads the easy-read consultation and answers the
survey; the Urdu pages are right to left; every translated demo page says it is a draft."""

import re

import pytest
from django.test import Client

from cms.demo import demo_load
from feedback import selectors
from feedback.models import Response, ResponseStatus
from languages.models import DraftTranslation

pytestmark = pytest.mark.django_db

CONSULTATION = "/have-your-say/annual-health-checks/"
SURVEY = CONSULTATION + "survey/"


@pytest.fixture
def demo(settings, tmp_path):
    settings.EVERYVOICE_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return demo_load()


def html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


def test_demo_has_gujarati_and_urdu_drafts_and_is_idempotent(demo):
    assert "gu translation of /annual-health-checks/" in demo.created
    drafts = DraftTranslation.objects.select_related("page__locale")
    assert {d.page.locale.language_code for d in drafts} == {"gu", "ur"}
    count = drafts.count()
    demo_load()
    assert DraftTranslation.objects.count() == count


def test_gujarati_speaker_reads_the_easy_read_consultation_and_answers(demo):
    client = Client()
    home = client.get("/").content.decode()
    # The switcher on the English home page, in Gujarati's own name and lang.
    assert 'href="/gu/" lang="gu" hreflang="gu" dir="ltr">ગુજરાતી' in home
    gu_home = client.get("/gu/").content.decode()
    assert 'lang="gu"' in html_tag(gu_home)
    assert "તમારો અભિપ્રાય આપો" in gu_home  # "Have your say", the way in
    # Each home page lists the open consultations in its own language only.
    assert "વાર્ષિક આરોગ્ય તપાસ" in gu_home and "Annual health checks" not in gu_home
    assert "વાર્ષિક આરોગ્ય તપાસ" not in home and "Annual health checks" in home
    page = client.get("/gu" + CONSULTATION).content.decode()
    assert "વાર્ષિક આરોગ્ય તપાસ" in page  # the title
    assert "તે મફત છે." in page  # an easy-read point: "It is free."
    assert "Draft translation, to be checked." in page
    assert f'href="{CONSULTATION}" lang="en-GB"' in page  # read it in English

    start = client.get("/gu" + SURVEY).content.decode()
    assert "હું સંમત છું \u2013 હવે શરૂ કરો" in start  # "I agree, start now"
    survey_id = int(re.search(r'action="/gu/survey/(\d+)/start/"', start).group(1))
    r = client.post(f"/gu/survey/{survey_id}/start/")
    assert r["Location"] == f"/gu/survey/{survey_id}/who/"
    client.post(f"/gu/survey/{survey_id}/who/", {"answer": "self"})
    survey = selectors.survey_get(survey_id=survey_id)
    qs = {q.type: q for q in selectors.survey_questions(survey=survey)}
    question_url = f"/gu/survey/{survey_id}/question/{qs['single_choice'].id}/"
    question = client.get(question_url).content.decode()
    assert 'lang="gu"' in html_tag(question)
    assert "તમારી આરોગ્ય તપાસમાં તમારી સાથે કોણ ગયું હતું?" in question
    assert "કુટુંબ અથવા મિત્ર" in question  # a translated answer option
    assert "માંથી પ્રશ્ન" in question and "આગળ વધો" in question  # "Question 3 of 8", "Continue"
    r = client.post(question_url, {"answer": "કુટુંબ અથવા મિત્ર"})
    assert r.status_code == 302
    long_url = f"/gu/survey/{survey_id}/question/{qs['long_text'].id}/"
    assert client.post(long_url, {"answer": "ડૉક્ટર ખૂબ સારા હતા"}).status_code == 302
    r = client.post(f"/gu/survey/{survey_id}/check/")
    assert r["Location"] == f"/gu/survey/{survey_id}/sent/"
    response = Response.objects.get(survey_id=survey_id)
    assert response.status == ResponseStatus.SUBMITTED
    assert response.language == "gu"


def test_urdu_consultation_is_right_to_left(demo):
    html = Client().get("/ur" + CONSULTATION).content.decode()
    tag = html_tag(html)
    assert 'lang="ur"' in tag and 'dir="rtl"' in tag
    assert "سالانہ صحت کا معائنہ" in html


def test_english_responses_record_english(demo):
    client = Client()
    start = client.get(SURVEY).content.decode()
    survey_id = int(re.search(r'action="/survey/(\d+)/start/"', start).group(1))
    client.post(f"/survey/{survey_id}/start/")
    assert Response.objects.filter(survey_id=survey_id).latest("pk").language == "en-gb"


def test_deaf_participant_watches_the_bsl_introduction_with_captions(demo, settings, tmp_path):
    client = Client()
    html = client.get(CONSULTATION).content.decode()
    assert "Watch this in British Sign Language (BSL)" in html
    video = re.search(r'<video[^>]*>\s*<source src="([^"]+)">\s*<track ([^>]+)>', html)
    assert video, "a video with a captions track"
    source, track = video.group(1), video.group(2)
    assert source.startswith("/documents/")  # kept on this site: no third-party player
    assert 'kind="captions"' in track
    captions_url = re.search(r'src="([^"]+)"', track).group(1)
    assert "<iframe" not in html
    assert "A Deaf BSL user will record the real video." in html  # the transcript
    played = client.get(source)
    assert played.status_code == 200
    assert b"".join(played.streaming_content)[:4] == b"\x1a\x45\xdf\xa3"  # WebM
    captions = client.get(captions_url)
    assert b"".join(captions.streaming_content).startswith(b"WEBVTT")
    # The Gujarati page has the same video and captions, its title translated.
    gu = client.get("/gu" + CONSULTATION).content.decode()
    assert "બ્રિટિશ સાંકેતિક ભાષા (BSL) માં જુઓ" in gu and source in gu


def test_built_in_answers_are_in_the_survey_language(demo):
    """Found by answering the Gujarati survey as its users would: the faces, yes/no and
    Friends and Family Test answers, "I'd rather not say" and "or" were English, and so were
    the answers on 'check your answers' (the editor's own options were translated)."""
    client = Client()
    start = client.get("/gu" + SURVEY).content.decode()
    survey_id = int(re.search(r'action="/gu/survey/(\d+)/start/"', start).group(1))
    client.post(f"/gu/survey/{survey_id}/start/")
    client.post(f"/gu/survey/{survey_id}/who/", {"answer": "self"})
    survey = selectors.survey_get(survey_id=survey_id)
    qs = {q.type: q for q in selectors.survey_questions(survey=survey)}
    url = f"/gu/survey/{survey_id}/question/{{}}/".format

    faces = client.get(url(qs["faces"].id)).content.decode()
    assert "ખૂબ નાખુશ" in faces and "Very unhappy" not in faces
    assert "મારે કહેવું નથી" in faces and "rather not say" not in faces
    assert ">અથવા<" in faces and ">or<" not in faces
    yes_no = client.get(url(qs["yes_no"].id)).content.decode()
    assert ">હા<" in yes_no and ">Not sure<" not in yes_no
    fft = client.get(url(qs["fft"].id)).content.decode()
    assert "ન સારું, ન ખરાબ" in fft and "Neither good nor poor" not in fft

    assert client.post(url(qs["faces"].id), {"answer": "5"}).status_code == 302
    assert client.post(url(qs["yes_no"].id), {"answer": "rather_not_say"}).status_code == 302
    check = client.get(f"/gu/survey/{survey_id}/check/").content.decode()
    assert "ખૂબ ખુશ" in check and "મારે કહેવું નથી" in check and "જવાબ આપ્યો નથી" in check
    assert "Very happy" not in check and "Not answered" not in check
    # Stored as the same values in every language (insight counts them together).
    answers = {
        a.question_id: a.value for a in Response.objects.get(survey_id=survey_id).answers.all()
    }
    assert answers[qs["faces"].id] == {"face": 5}

    # Urdu too; English is unchanged.
    ur = Client()
    start = ur.get("/ur" + SURVEY).content.decode()
    ur_id = int(re.search(r'action="/ur/survey/(\d+)/start/"', start).group(1))
    ur.post(f"/ur/survey/{ur_id}/start/")
    ur_qs = {
        q.type: q for q in selectors.survey_questions(survey=selectors.survey_get(survey_id=ur_id))
    }
    html = ur.get(f"/ur/survey/{ur_id}/question/{ur_qs['faces'].id}/").content.decode()
    assert "بہت خوش" in html and "Very happy" not in html
    en = Client()
    start = en.get(SURVEY).content.decode()
    en_id = int(re.search(r'action="/survey/(\d+)/start/"', start).group(1))
    en.post(f"/survey/{en_id}/start/")
    en_qs = {
        q.type: q for q in selectors.survey_questions(survey=selectors.survey_get(survey_id=en_id))
    }
    html = en.get(f"/survey/{en_id}/question/{en_qs['faces'].id}/").content.decode()
    assert "Very happy" in html and "I&#x27;d rather not say" in html


def test_reference_code_and_what_happens_next_in_the_survey_language(demo):
    """Found by answering the Gujarati survey to the end: the reference code, how to come
    back with it and what happens next were only said in English."""
    client = Client()
    start = client.get("/gu" + SURVEY).content.decode()
    survey_id = int(re.search(r'action="/gu/survey/(\d+)/start/"', start).group(1))
    client.post(f"/gu/survey/{survey_id}/start/")
    who = client.get(f"/gu/survey/{survey_id}/who/").content.decode()
    assert "તમે દર વખતે આગળ વધો દબાવો ત્યારે અમે તમારા જવાબો સાચવીએ છીએ." in who
    assert "We save your answers" not in who
    client.post(f"/gu/survey/{survey_id}/who/", {"answer": "self"})
    assert client.post(f"/gu/survey/{survey_id}/check/").status_code == 302
    sent = client.get(f"/gu/survey/{survey_id}/sent/").content.decode()
    response = Response.objects.get(survey_id=survey_id)
    assert response.reference_display in sent
    assert "તમારા જવાબો મોકલાઈ ગયા છે" in sent and "તમારો સંદર્ભ કોડ છે" in sent
    assert "હવે શું થશે" in sent and "વાર્ષિક આરોગ્ય તપાસ પર પાછા જાઓ" in sent
    assert "Your answers have been sent" not in sent and "What happens next" not in sent

    ur = Client()
    start = ur.get("/ur" + SURVEY).content.decode()
    ur_id = int(re.search(r'action="/ur/survey/(\d+)/start/"', start).group(1))
    ur.post(f"/ur/survey/{ur_id}/start/")
    ur.post(f"/ur/survey/{ur_id}/who/", {"answer": "self"})
    ur.post(f"/ur/survey/{ur_id}/check/")
    assert "آپ کا حوالہ کوڈ ہے" in ur.get(f"/ur/survey/{ur_id}/sent/").content.decode()
    en = Client()
    start = en.get(SURVEY).content.decode()
    en_id = int(re.search(r'action="/survey/(\d+)/start/"', start).group(1))
    en.post(f"/survey/{en_id}/start/")
    en.post(f"/survey/{en_id}/who/", {"answer": "self"})
    en.post(f"/survey/{en_id}/check/")
    assert "Your reference code is" in en.get(f"/survey/{en_id}/sent/").content.decode()


def test_home_and_consultation_page_words_in_the_page_language(demo):
    """Found by reading the Gujarati consultation as its users would: the page's own words
    around the translated content ("Open now", "You can take part until", "Take part", the
    easy-read and standard versions, the video's transcript) were English."""
    client = Client()
    gu_home = client.get("/gu/").content.decode()
    assert "હવે તમારો અભિપ્રાય આપો" in gu_home and "Have your say now" not in gu_home
    page = client.get("/gu" + CONSULTATION).content.decode()
    for words in ("હવે ખુલ્લું છે", "સુધી ભાગ લઈ શકો છો.", "ભાગ લો", "શું બદલાયું", "સરળ ભાષા"):
        assert words in page, words
    assert "વીડિયોમાં શું કહેવાયું છે તે વાંચો" in page
    for english in ("Open now", "You can take part until", "Take part", "Standard version"):
        assert english not in page, english
    ur = client.get("/ur" + CONSULTATION).content.decode()
    assert "ابھی کھلا ہے" in ur and "Open now" not in ur
    en = client.get(CONSULTATION).content.decode()
    assert "Open now" in en and "You can take part until" in en and "Take part" in en


def test_breadcrumb_home_and_back_link_in_the_page_language(demo):
    """The breadcrumb's "Home" and the survey steps' "Back" were English on every translated
    page (found looking at the Urdu page by eye)."""
    client = Client()
    ur = client.get("/ur" + CONSULTATION).content.decode()
    assert 'href="/ur/">مرکزی صفحہ</a>' in ur and ">Home</a>" not in ur
    start = client.get("/gu" + SURVEY).content.decode()
    survey_id = int(re.search(r'action="/gu/survey/(\d+)/start/"', start).group(1))
    client.post(f"/gu/survey/{survey_id}/start/")
    who = client.get(f"/gu/survey/{survey_id}/who/").content.decode()
    assert '<nav aria-label="પાછા">' in who and ">પાછા</a>" in who and ">Back</a>" not in who
    english = Client().get(CONSULTATION).content.decode()
    assert 'href="/">Home</a>' in english


def test_who_is_answering_in_the_survey_language(demo):
    """The first thing asked on the Gujarati survey, "Who is answering?", had its heading in
    Gujarati but its answers, their hints and its error in English."""
    client = Client()
    start = client.get("/gu" + SURVEY).content.decode()
    survey_id = int(re.search(r'action="/gu/survey/(\d+)/start/"', start).group(1))
    client.post(f"/gu/survey/{survey_id}/start/")
    who = client.get(f"/gu/survey/{survey_id}/who/").content.decode()
    assert "હું મારા માટે જવાબ આપું છું" in who and "તમારી ઉંમર 25 થી ઓછી છે." in who
    assert "આનાથી અમને સમજાય છે કે આ કોના વિચારો છે." in who
    assert "I am answering for myself" not in who and "You are under 25." not in who
    error = client.post(f"/gu/survey/{survey_id}/who/", {}).content.decode()
    assert "કોણ જવાબ આપી રહ્યું છે તે પસંદ કરો" in error
    client.post(f"/gu/survey/{survey_id}/who/", {"answer": "self"})
    assert Response.objects.get(survey_id=survey_id).voice == "self"  # the same value
    check = client.get(f"/gu/survey/{survey_id}/check/").content.decode()
    assert "હું મારા માટે જવાબ આપું છું" in check
    english = Client()
    start = english.get(SURVEY).content.decode()
    en_id = int(re.search(r'action="/survey/(\d+)/start/"', start).group(1))
    english.post(f"/survey/{en_id}/start/")
    assert "I am answering for myself" in english.get(f"/survey/{en_id}/who/").content.decode()


def _about_you_journey(client: Client, prefix: str) -> tuple[int, dict]:
    """Start the demo survey at ``prefix`` ("/gu", "/ur" or ""), answer "who" and every
    "about you" step the same way; return the survey id and each step's page."""
    start = client.get(prefix + SURVEY).content.decode()
    survey_id = int(re.search(rf'action="{prefix}/survey/(\d+)/start/"', start).group(1))
    client.post(f"{prefix}/survey/{survey_id}/start/")
    client.post(f"{prefix}/survey/{survey_id}/who/", {"answer": "supporter"})
    about = f"{prefix}/survey/{survey_id}/about-you/{{}}/".format
    pages = {}
    for step, answer in [
        ("start", "yes"),
        ("age", "18_25"),
        ("area", "leicester"),
        ("needs", ["easy_read", "bsl"]),
        ("updates", "yes"),
    ]:
        pages[step] = client.get(about(step)).content.decode()
        assert client.post(about(step), {"answer": answer}).status_code == 302
    pages["email"] = client.get(about("email")).content.decode()
    pages["email_error"] = client.post(about("email"), {"answer": "not an email"}).content.decode()
    pages["email_empty"] = client.post(about("email"), {}).content.decode()
    assert client.post(about("email"), {"answer": "sam@example.com"}).status_code == 302
    pages["check"] = client.get(f"{prefix}/survey/{survey_id}/check/").content.decode()
    return survey_id, pages


def _about_you_stored(client: Client, survey_id: int) -> tuple:
    # The demo has English responses of its own: this client's is the one in its session.
    survey = selectors.survey_get(survey_id=survey_id)
    r = selectors.response_for_session(session=client.session, survey=survey)
    return (
        r.about_you_offered,
        r.age_band,
        r.area,
        r.communication_needs,
        r.wants_updates,
        r.contact_email,
    )


def test_about_you_steps_in_the_survey_language(demo):
    """The optional "about you" steps of the Gujarati survey (their questions, answers, hints
    and errors) and their rows on "check your answers" were English; the stored values must
    stay the same in every language, so that insight counts them together."""
    gu_client, ur_client, en_client = Client(), Client(), Client()
    gu_id, gu = _about_you_journey(gu_client, "/gu")
    assert "તમારા વિશે (મરજિયાત)" in gu["start"] and "About you (optional)" not in gu["start"]
    assert "શું તમે અમને તમારા વિશે જણાવવા માંગો છો?" in gu["start"]
    assert "હા, હું મારા વિશે જણાવીશ" in gu["start"] and "skip this part" not in gu["start"]
    assert "તમારી ઉંમર કેટલી છે?" in gu["age"] and "18 થી 25" in gu["age"]
    assert "I&#x27;d rather not say" not in gu["age"] and "Under 16" not in gu["age"]
    # A supporter is asked to tell us about the person they help, in Gujarati too.
    assert "જો તમે બીજી કોઈ વ્યક્તિ માટે જવાબ આપો છો" in gu["age"]
    assert "તમે આ પ્રશ્ન છોડી શકો છો" in gu["age"] and "You can skip" not in gu["age"]
    assert "લેસ્ટર (શહેર)" in gu["area"] and "Somewhere else" not in gu["area"]
    assert "મોટા અક્ષરો" in gu["needs"] and "Large print" not in gu["needs"]
    assert "હા, મને ઇમેઇલ કરો" in gu["updates"] and "No, thank you" not in gu["updates"]
    assert "તમારું ઇમેઇલ સરનામું શું છે?" in gu["email"]
    assert "name@example.com જેવું ઇમેઇલ સરનામું લખો" in gu["email_error"]
    assert 'value="not an email"' in gu["email_error"]  # what was typed is kept
    assert "\u201cના, આભાર\u201d પસંદ કરો" in gu["email_empty"]
    for page in gu.values():
        assert 'lang="gu"' in html_tag(page) and 'dir="ltr"' in html_tag(page)
    check = gu["check"]
    assert "અમને તમારા વિશે જણાવો" in check and "વાતચીતમાં મદદ" in check
    assert "18 થી 25" in check and "લેસ્ટર (શહેર)" in check
    assert "બ્રિટિશ સાંકેતિક ભાષા (BSL)" in check and "sam@example.com" in check
    for english in ("Tell us about you", "Where you live", "Leicester (the city)", "Easy read"):
        assert english not in check
    # The rest of the check page: headings, the "Change" links (what they change is said to
    # screen readers, in Gujarati word order) and the button.
    assert "મોકલતા પહેલાં તમારા જવાબો તપાસો" in check and "હવે તમારા જવાબો મોકલો" in check
    assert '<span class="nhsuk-u-visually-hidden">ઉંમર </span>બદલો</a>' in check
    assert '<span class="nhsuk-u-visually-hidden">કોણ જવાબ આપી રહ્યું છે </span>બદલો' in check
    assert ">મારા જવાબો મોકલો</button>" in check
    for english in ("Check your answers", "Your answers", ">Change", "Send my answers"):
        assert english not in check
    assert "એક સમસ્યા છે" in gu["email_error"] and "There is a problem" not in gu["email_error"]

    # Urdu, right to left; English unchanged; the same stored values in all three.
    ur_id, ur = _about_you_journey(ur_client, "/ur")
    assert "آپ کی عمر کتنی ہے؟" in ur["age"] and "How old are you?" not in ur["age"]
    assert 'dir="rtl"' in html_tag(ur["age"]) and "بات چیت میں مدد" in ur["check"]
    en_id, en = _about_you_journey(en_client, "")
    assert "How old are you?" in en["age"] and "About you (optional)" in en["age"]
    assert "Leicester (the city)" in en["check"] and "Help with communication" in en["check"]
    assert 'Change<span class="nhsuk-u-visually-hidden"> age</span></a>' in en["check"]
    assert ">Send my answers</button>" in en["check"] and "There is a problem" in en["email_error"]
    stored = (True, "18_25", "leicester", ["easy_read", "bsl"], True, "sam@example.com")
    assert _about_you_stored(gu_client, gu_id) == stored
    assert _about_you_stored(ur_client, ur_id) == stored
    assert _about_you_stored(en_client, en_id) == stored


def test_survey_start_page_in_the_survey_language(demo):
    """The Gujarati survey's start page had a Gujarati title and button, but how long it
    takes, the consent points the person agrees to and the way back in were English."""
    client = Client()
    start = client.get("/gu" + SURVEY).content.decode()
    assert re.search(r"\d+ પ્રશ્નો છે\. તેમાં લગભગ \d+ મિનિટ લાગે છે\.", start)
    assert "દરેક પાના પર એક પ્રશ્ન છે. તમે પ્રશ્નો છોડી શકો છો." in start
    assert "જવાબ આપવો એ તમારી પસંદગી છે. તમે ગમે ત્યારે અટકી શકો છો." in start
    assert "NHS ની ટીમ તમારા જવાબો વાંચશે" in start
    assert "પહેલાં શરૂ કર્યું હતું? તમારા સંદર્ભ કોડ સાથે આગળ વધો" in start
    for english in ("It takes about", "Answering is your choice", "Started before?"):
        assert english not in start
    # Come back to it after starting: the reference code, in Gujarati words.
    survey_id = int(re.search(r'action="/gu/survey/(\d+)/start/"', start).group(1))
    client.post(f"/gu/survey/{survey_id}/start/")
    again = client.get("/gu" + SURVEY).content.decode()
    assert "તમે પહેલેથી શરૂ કરી દીધું છે" in again and "તમારા જવાબો સાથે આગળ વધો" in again
    assert 'તમારો સંદર્ભ કોડ છે <strong class="ev-reference-inline">' in again
    assert "You have already started" not in again
    # Urdu, right to left; English unchanged.
    ur = Client().get("/ur" + SURVEY).content.decode()
    assert "جواب دینا آپ کی مرضی ہے" in ur and 'dir="rtl"' in html_tag(ur)
    english = Client().get(SURVEY).content.decode()
    assert re.search(r"There are \d+ questions\. It takes about \d+ minutes\.", english)
    assert "Answering is your choice. You can stop at any time." in english


def test_bsl_answer_page_and_character_counter_in_the_survey_language(demo):
    """On the Gujarati survey the written question's character counter, its "sign your
    answer in BSL instead" link and the whole BSL-answer page (with its error) were English."""
    client = Client()
    start = client.get("/gu" + SURVEY).content.decode()
    survey_id = int(re.search(r'action="/gu/survey/(\d+)/start/"', start).group(1))
    client.post(f"/gu/survey/{survey_id}/start/")
    client.post(f"/gu/survey/{survey_id}/who/", {"answer": "self"})
    survey = selectors.survey_get(survey_id=survey_id)
    q = next(q for q in selectors.survey_questions(survey=survey) if q.bsl_answer)
    question = client.get(f"/gu/survey/{survey_id}/question/{q.id}/").content.decode()
    assert f"તમે {q.max_length} અક્ષરો સુધી લખી શકો છો" in question
    # NHS.UK frontend's counter takes its live messages from these options.
    assert 'data-i18n.characters-under-limit.other="તમારી પાસે %{count} અક્ષરો બાકી છે"' in question
    assert "તેના બદલે તમારો જવાબ બ્રિટિશ સાંકેતિક ભાષા (BSL) માં સાઇન કરો" in question
    assert "You can write up to" not in question and "instead</a>" not in question
    bsl = client.get(f"/gu/bsl-answer/{survey_id}/{q.id}/").content.decode()
    assert "તમારો જવાબ બ્રિટિશ સાંકેતિક ભાષા (BSL) માં સાઇન કરો." in bsl
    assert "રેકોર્ડિંગ શરૂ કરો" in bsl and "તેના બદલે તમારો જવાબ લખો" in bsl
    assert "Start recording" not in bsl and "Record a video of yourself" not in bsl
    assert 'lang="gu"' in html_tag(bsl)
    error = client.post(f"/gu/bsl-answer/{survey_id}/{q.id}/", {}).content.decode()
    assert "તમારા જવાબનો વીડિયો રેકોર્ડ કરો, અથવા વીડિયો ફાઇલ પસંદ કરો" in error
    # English is unchanged.
    en = Client()
    start = en.get(SURVEY).content.decode()
    en_id = int(re.search(r'action="/survey/(\d+)/start/"', start).group(1))
    en.post(f"/survey/{en_id}/start/")
    en_q = next(
        q
        for q in selectors.survey_questions(survey=selectors.survey_get(survey_id=en_id))
        if q.bsl_answer
    )
    english = en.get(f"/survey/{en_id}/question/{en_q.id}/").content.decode()
    assert "You can write up to" in english
    assert (
        'data-i18n.characters-under-limit.other="You have %{count} characters remaining"'
        in english
    )
    assert "Start recording" in en.get(f"/bsl-answer/{en_id}/{en_q.id}/").content.decode()
