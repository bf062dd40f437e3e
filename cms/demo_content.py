"""Words for the demo pages (used by ``cms.demo``), kept apart so they are easy to edit.

The plan summary retells facts from "Transforming Care in Leicester, Leicestershire and
Rutland: 3 Year Road Map 2021 to 2024" in our own easy-read words; the pictures are the
project's own SVGs in ``static/pictures``.
"""


def point(text: str, picture: str, alt: str = "") -> tuple[str, dict]:
    return ("point", {"text": text, "picture": picture, "alt_text": alt, "decorative": False})


def heading(text: str, level: str = "2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def key_message(text: str) -> tuple[str, dict]:
    return ("key_message", {"text": text})


def steps(*items: str) -> tuple[str, dict]:
    return ("steps", {"steps": list(items)})


def paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


GLOSSARY = [
    ("GP", "Your doctor at your local surgery.", "health-check"),
    (
        "annual health check",
        "A check of your health with your doctor or nurse. You can have 1 every year.",
        "health-check",
    ),
    (
        "learning disability register",
        "A list your doctor keeps of people with a learning disability. "
        "Being on it means you can have a health check every year.",
        "survey",
    ),
    (
        "health action plan",
        "A plan you make with your doctor or nurse. It says what you will do to stay well.",
        "tick",
    ),
    ("learning disability", "When it is harder to learn, understand and do some things.", ""),
    ("autism", "Autistic people see, hear and feel the world in a different way.", "autism"),
    ("autistic", "Autistic people see, hear and feel the world in a different way.", "autism"),
    ("NHS", "The National Health Service. It gives free health care.", "hospital"),
    ("key worker", "1 person who helps you and your family get the right support.", "keyworker"),
    ("consultation", "When we ask people what they think before we decide something.", ""),
    ("Every Voice", "This website. You can tell us what you think here.", "people-talking"),
]

PLAN_INTRO = "This is our plan to make life better for people with a learning disability."

PLAN_EASY_READ = [
    heading("About this plan"),
    point(
        "This plan is from the NHS and the councils.\n"
        "It is for Leicester, Leicestershire and Rutland.",
        "people-talking",
    ),
    point(
        "It is about people with a learning disability.\n"
        "It is also about autistic people.\nIt is for 2021 to 2024.",
        "autism",
    ),
    key_message(
        "Everyone should live a good life in their own community.\n"
        "They should get the right help at the right time."
    ),
    heading("What we want to do"),
    point("We want people to be healthy and happy.", "tick"),
    point("We want to help people early.\nThen they do not get to a crisis.", "crisis"),
    point("We want fewer people to stay in hospital.\nWe want people to live at home.", "home"),
    point("We want to help more autistic people aged 14 and over.", "autism"),
    heading("Year 1"),
    point(
        "We will plan services with you.\nWe will ask people with a learning disability.\n"
        "We will ask autistic people too.",
        "people-talking",
    ),
    point(
        "A new team will help autistic people aged 14 and over.",
        "support",
    ),
    point(
        "A team will help people who have been in trouble with the law.",
        "forensic",
    ),
    point(
        "We will learn from the lives and deaths of people with a learning disability.\n"
        "Then we will make things better.",
        "leder",
    ),
    heading("Health checks"),
    point(
        "More people had an annual health check in 2021 than the year before.\n"
        "But many people still need to have 1.",
        "health-check",
    ),
    point(
        "By 2024 we want 3 in 4 of these people to have a check every year.",
        "calendar",
    ),
    heading("Year 2 and year 3"),
    point(
        "People will leave hospital when they are ready.\nThey will not have to wait.",
        "hospital",
    ),
    point(
        "Every child or young person who needs it will have a key worker.",
        "keyworker",
    ),
    point(
        "Families will get short breaks.\nThis helps carers to keep going.",
        "carers",
    ),
    heading("Every Voice Counts"),
    point(
        "Your views matter to us.\nTell us what you think on Every Voice.",
        "survey",
    ),
]

CONSULTATION_INTRO = "Tell us about your annual health check. What was good? What could be better?"

CONSULTATION_SUMMARY = [
    heading("What we are asking"),
    paragraph(
        "<p>Adults and young people aged 14 and over who are on their GP practice's learning "
        "disability register can have a free annual health check, and should leave with a "
        "health action plan.</p>"
        "<p>In Leicester, Leicestershire and Rutland fewer people have their check than we "
        "want. Our 3-year road map aims for 75% of people on the register to have a check "
        "every year. We want to know what helps people to go, and what gets in the way.</p>"
    ),
    heading("Who can take part"),
    paragraph(
        "<p>People with a learning disability, autistic people, family carers, support "
        "workers and staff. You can answer the survey, come to a focus group, or ask us "
        "for a paper copy.</p>"
    ),
    ("inset", {"text": "<p>Your answers are anonymous. We do not ask for your name.</p>"}),
]

CONSULTATION_EASY_READ = [
    heading("What is this about?"),
    point(
        "You can have an annual health check if you are on the learning disability register.",
        "health-check",
    ),
    point("It is free.\nYou can have 1 every year from age 14.", "calendar"),
    point(
        "After your check you should get a health action plan.",
        "tick",
    ),
    heading("What we want to know"),
    point("Did you have your health check?\nWhat was good about it?", "question"),
    point("What made it hard?\nWhat would make it better?", "people-talking"),
    key_message("Your answers help us make health checks better for everyone."),
    heading("How to take part"),
    steps(
        "Answer our survey on this website.",
        "Or come to our group and talk to us.",
        "Or ask us for a paper copy.",
    ),
    point("You do not have to give your name.", "support"),
]

EVENT = {
    "place": "Leicester Adult Education College, Wellington Street, Leicester LE1 6HL",
    "easy_read_details": "Come and tell us about health checks.\nBring someone with you if "
    "you like.",
    "access_details": "Step-free access. Hearing loop. A quiet room. Carers welcome.",
    "booking": "Phone 0116 000 0000 or just come along.",
}

ACCESSIBILITY = [
    paragraph(
        "<p>This statement applies to Every Voice. We want as many people as possible to be "
        "able to use this website, including people with a learning disability and autistic "
        "people.</p>"
    ),
    heading("How you can use this website"),
    paragraph(
        "<p>You should be able to zoom in up to 400% without the text spilling off the "
        "screen, navigate the website using just a keyboard or speech recognition software, "
        "and listen to most of the website using a screen reader. Easy read pages have a "
        "read aloud button, bigger text, a yellow background and more space between lines, "
        "and you can print them.</p>"
    ),
    heading("Technical information"),
    paragraph(
        "<p>We aim to meet the Web Content Accessibility Guidelines version 2.2 AA standard. "
        "We test every page with automated checks and by hand.</p>"
    ),
    heading("Reporting problems"),
    paragraph(
        "<p>If you find a problem or need information in a different format, use the "
        "contact page and we will reply within 10 working days.</p>"
    ),
]

ACCESSIBILITY_EASY_READ = [
    point("We want everyone to be able to use this website.", "people-talking"),
    point(
        "You can make the words bigger.\nYou can make the background yellow.",
        "tick",
    ),
    point("The computer can read the words out loud to you.", "support"),
    point("You can print the easy read pages.", "survey"),
    point("Tell us if something does not work for you.\nWe will try to fix it.", "question"),
]

PRIVACY = [
    paragraph(
        "<p>Every Voice is run for the NHS in Leicester, Leicestershire and Rutland. This "
        "notice explains what we collect when you give feedback and how we use it.</p>"
    ),
    heading("What we collect"),
    paragraph(
        "<p>Your answers to surveys. We do not need your name. If you choose to give an email "
        "address, we use it only to tell you what changed. Each set of answers is stored with "
        "the version of the consent wording you agreed to.</p>"
    ),
    heading("Cookies"),
    paragraph(
        "<p>We use one strictly necessary cookie while you answer a survey. It remembers "
        "which answers are yours, so you can go back and change them, and it protects the "
        "forms from misuse. It does not track you and it is deleted when you close your "
        "browser or soon after. We do not use analytics, advertising or any other cookies "
        "or tracking. Staff who sign in also get a sign-in cookie.</p>"
    ),
    heading("How we use it"),
    paragraph(
        "<p>We group answers by theme and share only anonymised summaries with the teams "
        "who plan services. Every written answer is checked, by computer, for signs that "
        "someone may be at risk of harm; if so, our safeguarding lead reads it and acts on "
        "it. The safeguarding lead keeps a record of that part even if you later take your "
        "answers back, because we may need it to keep someone safe.</p>"
    ),
    heading("How long we keep it"),
    paragraph(
        "<p>Each consultation says how long we keep the answers, counted from when it "
        "closes. After that we delete your own words, recordings and anything you told us "
        "about yourself, or delete the answers completely. We keep only counts, such as how "
        "many people chose each answer.</p>"
    ),
    heading("Your rights"),
    paragraph(
        "<p>You can take back (withdraw) your answers at any time with the reference code "
        "you were given, on the \u201cTake back your answers\u201d page "
        "(/survey/withdraw/). We then delete them and leave them out of every count and "
        "summary. You can also ask to see or correct what you told us by quoting your "
        "reference code.</p>"
    ),
]

PRIVACY_EASY_READ = [
    point("We keep your answers safe.", "tick"),
    point("You do not have to tell us your name.", "question"),
    point(
        "We use one small cookie while you answer a survey.\nIt remembers your answers.\n"
        "It does not follow you.",
        "home",
    ),
    point(
        "We share what people say with the teams who plan services.\nWe do not share who said it.",
        "people-talking",
    ),
    point(
        "If we think someone is not safe we will tell a person who can help.\n"
        "We keep a record of that part.",
        "support",
    ),
    point(
        "We keep your answers for a set time.\nThen we delete your words.",
        "calendar",
    ),
    point(
        "You can take back your answers with your reference code.\nThen we delete them.",
        "survey",
    ),
]

CONTACT = [
    paragraph(
        "<p>The Every Voice engagement team reads every message. Tell us if you need a survey "
        "in another format (easy read on paper, large print, audio, British Sign Language) or "
        "someone to help you answer, or if something on this website does not work for "
        "you. We will reply within 10 working days.</p>"
    ),
    heading("Come and talk to us"),
    paragraph(
        "<p>Each consultation lists events where you can give your views in person, with "
        "support. Staff can also write down your views on paper or over the phone.</p>"
    ),
    heading("If you need help now"),
    paragraph(
        "<p>This website is not watched all the time. In an emergency call 999. If you need "
        "medical help fast, call NHS 111. You can talk to Samaritans at any time on "
        "116 123.</p>"
    ),
]

CONTACT_EASY_READ = [
    point("You can tell us if you need help to answer.", "support"),
    point(
        "We can give you the survey on paper, in big writing or read out loud.\n"
        "We can have someone sign in BSL.",
        "survey",
    ),
    point("You can come to one of our events and talk to us.", "people-talking"),
    point("We will answer you within 2 weeks.", "calendar"),
    point(
        "If you need help now, call 999 in an emergency.\nCall NHS 111 if you are ill.\n"
        "Call Samaritans on 116 123 to talk.",
        "crisis",
    ),
]
