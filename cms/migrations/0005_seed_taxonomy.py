"""Seed the LLR taxonomy: 9 collaboratives, pledges pledge-1 to pledge-13 (Table 13 of the
LLR 5-year plan, in order) and the 11 LDA pathways, and let the publishing roles edit them.

The data is a copy of ``cms/seed/taxonomy.json`` as it was when this migration was written,
so the migration gives the same result forever; later changes go through the admin or
``manage.py taxonomy_import``. Existing codes are left alone (editors may have changed them).
"""

import json

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITING_ROLES = ["Engagement team", "Editor", "Administrator"]
MODELS = {"cms": ["collaborative", "pledge", "pathway"], "easyread": ["glossaryterm"]}


def seed_taxonomy(apps, schema_editor):
    Collaborative = apps.get_model("cms", "Collaborative")
    Pledge = apps.get_model("cms", "Pledge")
    Pathway = apps.get_model("cms", "Pathway")
    collaboratives = {}
    for row in SEED["collaboratives"]:
        collaboratives[row["code"]], _ = Collaborative.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
    for kind, model in (("pledges", Pledge), ("pathways", Pathway)):
        for row in SEED[kind]:
            defaults = {
                "name": row["name"],
                "description": row["description"],
                "easy_read": "\n".join(row["easy_read"]),
                "keywords": "\n".join(row["keywords"]),
                "examples": "\n".join(row["examples"]),
                "collaborative": collaboratives.get(row["collaborative"]),
                "active": True,
            }
            if kind == "pledges":
                defaults["number"] = int(row["code"].removeprefix("pledge-"))
            model.objects.get_or_create(code=row["code"], defaults=defaults)


def grant_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label in MODELS:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    permissions = Permission.objects.filter(
        content_type__app_label__in=list(MODELS),
        content_type__model__in=[m for models in MODELS.values() for m in models],
        codename__regex=r"^(add|change|delete|view)_",
    )
    for group in Group.objects.filter(name__in=EDITING_ROLES):
        group.permissions.add(*permissions)


def unseed(apps, schema_editor):
    for name in ("Pledge", "Pathway", "Collaborative"):
        apps.get_model("cms", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_pages_and_taxonomy"),
        ("easyread", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed_taxonomy, unseed),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]


SEED = json.loads(
    r"""
{
 "collaboratives": [
  {
   "code": "health-equity-committee",
   "name": "LLR ICB via the Health Equity Committee"
  },
  {
   "code": "prevention-partnership",
   "name": "Prevention Partnership (TBC)"
  },
  {
   "code": "uec-partnership",
   "name": "Urgent & Emergency Care Partnership"
  },
  {
   "code": "planned-care-partnership",
   "name": "Planned Care Partnership"
  },
  {
   "code": "lda-collaborative",
   "name": "LDA Collaborative"
  },
  {
   "code": "mental-health-partnership",
   "name": "Mental Health Partnership"
  },
  {
   "code": "cyp-partnership",
   "name": "Children & Young People's Partnership"
  },
  {
   "code": "womens-partnership",
   "name": "Women's Partnership"
  },
  {
   "code": "people-board",
   "name": "LLR People Board"
  }
 ],
 "pledges": [
  {
   "code": "pledge-1",
   "name": "Narrow the health gap",
   "description": "Improve the health of our most deprived communities and narrow the gap between those who have the best and the worst health. Measured by life expectancy and healthy life expectancy, and the gap in life expectancy between the most and least deprived populations.",
   "easy_read": [
    "Some people have worse health than others.",
    "This is often because they are poor.",
    "We want to make health fairer for everyone."
   ],
   "keywords": [
    "health inequalities",
    "inequality",
    "unfair",
    "deprived area",
    "poorest",
    "poverty",
    "cost of living",
    "can't afford",
    "postcode lottery",
    "life expectancy",
    "health gap",
    "left behind",
    "discrimination",
    "interpreter"
   ],
   "examples": [
    "people like me die yunger its not fair",
    "We live on one of the poorest estates in Leicester and it feels like the services just don't reach us. My son has a learning disability and the nearest support group means two buses, so we stopped going. It honestly feels like a postcode lottery.",
    "why do rich areas get better docters",
    "Staff note: family in a deprived ward struggling with the cost of living; mum said she cannot afford the bus fare to appointments.",
    "my frend in rutland gets more help than me in the city",
    "It is a scandal that people with a learning disability here live up to 25 years less than everyone else. That gap has to close, and it won't unless the money goes where the need is.",
    "Me and my mum are always at the back of the queue because we haven't got money. Feels like nobody cares about families like ours.",
    "The interpreter wasn't booked again for my dad, who only speaks Gujarati, so the whole appointment was pointless. Families like ours get left behind every time.",
    "no money for food or the gas. hard to stay well",
    "Staff note: person reports being treated differently because of both their learning disability and their ethnicity; logged as a health equity concern."
   ],
   "collaborative": "health-equity-committee"
  },
  {
   "code": "pledge-2",
   "name": "Prevent illness",
   "description": "Spend more money on preventing people becoming ill in the first place. Measured by the under-75 mortality rate from causes considered preventable, targeting cancer, cardiovascular disease and respiratory disease; a prevention spend measure is to be defined during 23/24.",
   "easy_read": [
    "We want to stop people getting ill.",
    "We will spend more money on keeping people well."
   ],
   "keywords": [
    "prevention",
    "stay healthy",
    "healthy eating",
    "lose weight",
    "exercise",
    "stop smoking",
    "cancer screening",
    "bowel screening",
    "breast screening",
    "flu jab",
    "vaccination",
    "blood pressure",
    "healthy lifestyle",
    "diabetes"
   ],
   "examples": [
    "i want help to eat helthy and lose wait",
    "Nobody ever invited my sister for breast screening. The letters are not in easy read and she doesn't understand what they are for, so she just puts them in the bin.",
    "can there be a walking group for people like me",
    "Staff note: service user wants support to stop smoking; no accessible stop-smoking service was offered.",
    "i had my flu jab the nurse was kind",
    "It would be far better to spend money keeping people well than waiting until they end up in hospital. My brother's chest infections keep coming back and nobody looks at why.",
    "i go to the gym with my suport worker its good for my heart",
    "Why is there no easy read information about bowel cancer screening? My mum has a learning disability and was frightened by the test kit that came in the post.",
    "free swimming helps me keep fit",
    "Staff note: several attendees asked for accessible sessions on healthy eating and preventing type 2 diabetes."
   ],
   "collaborative": "prevention-partnership"
  },
  {
   "code": "pledge-3",
   "name": "Support the frailest",
   "description": "Identify the frailest in our communities and wrap care and support around them. Measured by the proportion of patients with moderate or severe frailty who have a care plan in place.",
   "easy_read": [
    "Some people are very weak or old.",
    "We will find them and give them the right care.",
    "They will have a care plan."
   ],
   "keywords": [
    "frail",
    "frailty",
    "elderly",
    "older people",
    "getting older",
    "falls",
    "keeps falling",
    "care plan",
    "housebound",
    "ageing parents",
    "dementia",
    "old age",
    "can't walk"
   ],
   "examples": [
    "my mum is getting old and keeps falling who will look after us",
    "My brother has Down's syndrome and is now 58. He has started showing signs of dementia and is very frail. There is no joined-up care plan, just different people coming in who don't talk to each other.",
    "I am 80 and still caring for my daughter. I am frail myself now and I worry constantly about what happens to her when I can't do it any more.",
    "Staff note: older adult with LD, two falls this month, no care plan on record; referred for frailty review.",
    "i cant get out the house now my legs are bad",
    "nobody checks on my dad since he got frail",
    "The care plan for my aunt was written years ago and never updated, even though she can barely walk now.",
    "i want to stay in my own home when i am old",
    "Staff note: housebound client with moderate frailty; carer requests a review of care and support at home.",
    "Gran is 92 and forgetful and the district nurse only comes once a month."
   ],
   "collaborative": "uec-partnership"
  },
  {
   "code": "pledge-4",
   "name": "Access to general practice",
   "description": "Improve and maintain access to routine general practice. Measured by the trajectory to deliver appointments in general practice.",
   "easy_read": [
    "It should be easy to see your doctor.",
    "We will make more GP appointments."
   ],
   "keywords": [
    "gp appointment",
    "doctor's appointment",
    "see a doctor",
    "see the gp",
    "receptionist",
    "can't get through",
    "ring at 8am",
    "phone queue",
    "online form",
    "face to face appointment",
    "longer appointment",
    "same doctor",
    "gp surgery",
    "doctors surgery"
   ],
   "examples": [
    "i phone the doctors at 8 and they have no apointments",
    "Trying to get a GP appointment for my son is a nightmare. You ring at 8am, you're thirtieth in the queue, and by the time you get through they've all gone. He can't cope with the online form either.",
    "the receptionist was rude to me",
    "Staff note: person unable to book a GP appointment online; no reasonable adjustment offered for phone anxiety.",
    "i want to see the same doctor every time",
    "can i have a longer appointment because i need more time",
    "The surgery keeps offering phone consultations but my daughter is non-verbal, so she needs to be seen face to face.",
    "good doctor, he listend to me and didnt rush",
    "waited 3 weeks to see a gp about my ear",
    "Staff note: GP practice booking system does not flag reasonable adjustments for patients with a learning disability."
   ],
   "collaborative": "uec-partnership"
  },
  {
   "code": "pledge-5",
   "name": "Ambulance response times",
   "description": "Reduce Category 2 (emergency calls such as stroke patients) ambulance response times. The aim for 2023/24 is to respond to 90% of Category 2 calls within 30 minutes.",
   "easy_read": [
    "When you call 999, an ambulance should come fast.",
    "We want ambulances to come quicker."
   ],
   "keywords": [
    "ambulance",
    "999",
    "paramedic",
    "paramedics",
    "emergency call",
    "stroke",
    "heart attack",
    "chest pain",
    "waited for an ambulance",
    "ambulance crew"
   ],
   "examples": [
    "the amblance took 4 hours to come when i had a fit",
    "My son had a prolonged seizure and we waited nearly three hours for an ambulance. I was on the phone to 999 the whole time, terrified, doing what they told me.",
    "paramedics were nice and talked to me slow",
    "Staff note: resident fell at 14:00, ambulance requested, crew arrived 19:30.",
    "Dad had a stroke and the wait for the ambulance was far too long.",
    "i was scared in the ambulance no one told me where we was going",
    "The paramedics didn't read his hospital passport and tried to hold him down. He's autistic and was terrified.",
    "called 999 for my mum chest pain, waited ages",
    "Staff note: ambulance crew unaware of learning disability; recommend a flag on the ambulance service record."
   ],
   "collaborative": "uec-partnership"
  },
  {
   "code": "pledge-6",
   "name": "A&E waiting times",
   "description": "Reduce and maintain waiting times in the Accident & Emergency department. The national target is 95% of patients seen in A&E within 4 hours.",
   "easy_read": [
    "A&E is the hospital place for emergencies.",
    "You should not wait a long time there."
   ],
   "keywords": [
    "a&e",
    "accident and emergency",
    "emergency department",
    "casualty",
    "waiting room",
    "urgent treatment centre",
    "trolley",
    "corridor",
    "royal infirmary",
    "lri",
    "quiet room"
   ],
   "examples": [
    "i was in a and e for 12 ours it was to noisy",
    "We spent fourteen hours in A&E with my autistic son. The waiting room was bright and loud, he was hitting his head, and there was nowhere quiet to wait. Nobody asked about reasonable adjustments.",
    "Staff note: patient with LD left ED before being seen due to distress after a 6-hour wait.",
    "a quiet room in a&e would help me",
    "My daughter was on a trolley in the corridor at the Royal Infirmary all night.",
    "i went to casualty and they didnt know i had autism",
    "The emergency department staff were brilliant once we were seen but the wait was awful.",
    "urgent treatment centre sent us to a&e then we waited all over again",
    "Staff note: learning disability liaison nurse not available to the emergency department out of hours."
   ],
   "collaborative": "uec-partnership"
  },
  {
   "code": "pledge-7",
   "name": "Joined-up care closer to home",
   "description": "Provide more joined up, holistic and person-centred care, delivered closer to home, through integrated community Health and Wellbeing Hubs. The measure will be defined during 23/24 once the location and number of Hubs is clear.",
   "easy_read": [
    "Care should be near where you live.",
    "Services should work together for you."
   ],
   "keywords": [
    "closer to home",
    "near where i live",
    "too far",
    "joined up",
    "wellbeing hub",
    "health hub",
    "one place",
    "talk to each other",
    "tell my story again",
    "home visit",
    "person-centred",
    "travel"
   ],
   "examples": [
    "its to far on the bus to get to the hospital",
    "Every appointment is in a different place across the county and we don't drive. It would make such a difference to have one local hub where my son could see the nurse, the physio and the social worker in one visit.",
    "i have to tell my story again and again to every new person",
    "Staff note: family requests a community clinic in Melton to avoid a two-hour round trip into Leicester.",
    "services dont talk to each other",
    "i like the clinic near my house",
    "Health, social care and school all have different plans for my daughter. Nobody joins them up and I end up being the coordinator for everything.",
    "can the nurse come to my home insted",
    "Staff note: person-centred plan not shared between community nursing and social care."
   ],
   "collaborative": "uec-partnership"
  },
  {
   "code": "pledge-8",
   "name": "Waiting times for hospital treatment",
   "description": "Reduce waiting times for consultant-led hospital treatment. Measured by Referral to Treatment (RTT) waiting times, tracking the number of people waiting 18 weeks (the national standard) or more.",
   "easy_read": [
    "Some people wait a long time for hospital treatment.",
    "We want to make these waits shorter."
   ],
   "keywords": [
    "hospital waiting list",
    "operation",
    "consultant",
    "referral",
    "outpatient",
    "hospital appointment",
    "specialist",
    "cancelled",
    "18 weeks",
    "general anaesthetic",
    "still waiting",
    "hospital treatment"
   ],
   "examples": [
    "i been waitin over a year for my operashun",
    "My daughter needs dental treatment under general anaesthetic and has been on the waiting list for 18 months. She's in pain and can't tell us how much.",
    "Staff note: referral to neurology made in March, no appointment yet; family chasing.",
    "my hospital apointment keeps getting cancelled",
    "The consultant was lovely but the wait to see him was over a year.",
    "Outpatient letters aren't in easy read so he never knows when his appointment is.",
    "they cancelled my op on the day and i was so upset",
    "Staff note: referral to treatment wait exceeds 18 weeks for ENT; reasonable adjustments not recorded.",
    "When he finally saw the specialist they were great and made it calm for him."
   ],
   "collaborative": "planned-care-partnership"
  },
  {
   "code": "pledge-9",
   "name": "Annual health checks and health action plans",
   "description": "Increase the percentage of people on GP learning disability registers who receive an annual health check and health action plan. Measured by the number and percentage of learning disability Annual Health Checks carried out for people aged 14 and over.",
   "easy_read": [
    "People with a learning disability can have a health check every year.",
    "You also get a health action plan.",
    "We want more people to have them."
   ],
   "keywords": [
    "annual health check",
    "health check",
    "health action plan",
    "learning disability register",
    "ld register",
    "gp register",
    "yearly check",
    "check up",
    "aged 14"
   ],
   "examples": [
    "i never had my helth chek",
    "My son turned 14 last year and nobody told us he could have an annual health check. We only found out from another parent. How many others are missing out because they're not on the learning disability register?",
    "Staff note: practice register shows 40% of patients aged 14+ on the LD register had an annual health check last year.",
    "i got my health action plan in easy read it was good",
    "is my name on the register at the doctors",
    "The health check felt like a tick-box exercise. Ten minutes, a blood pressure reading, and no health action plan at the end of it.",
    "i had my yearly check up and the nurse explaned everyting",
    "Staff note: letters inviting people to their annual health check are not in easy read; uptake is low.",
    "my brother is 16 and has never been offered a check"
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "pledge-10",
   "name": "Fair access to mental health services",
   "description": "Reduce inequity in access to mental health services across each of our neighbourhoods, using budget allocation analysis and a five-year plan to align mental health investment more proportionately to the most disadvantaged areas in LLR.",
   "easy_read": [
    "Everyone should get help with their feelings and mental health.",
    "It should not matter where you live."
   ],
   "keywords": [
    "mental health",
    "anxiety",
    "depression",
    "counselling",
    "talking therapy",
    "camhs",
    "psychiatrist",
    "self harm",
    "feel low",
    "feeling sad",
    "mental health team",
    "panic attacks",
    "psychologist"
   ],
   "examples": [
    "i feel sad all the time and no one helps",
    "My daughter has autism and severe anxiety. The talking therapy service said she was too complex because of her learning disability, and the learning disability team said it was a mental health problem. She fell between the two.",
    "Staff note: person declined by adult mental health service on grounds of learning disability; escalated.",
    "i get panic atacks and want someone to talk to",
    "The counselling they offered was online only, and he can't manage that. There's nothing in our part of the county.",
    "camhs said the wait is 2 years",
    "I'm 17 and my anxiety is really bad but I don't meet the threshold for anything.",
    "Staff note: no accessible mental health support available in the north-west of the county; referrals go to the city.",
    "i self harm sometimes and i am scared to tell",
    "The psychiatrist changed his medication without explaining anything to him or us."
   ],
   "collaborative": "mental-health-partnership"
  },
  {
   "code": "pledge-11",
   "name": "Children and young people",
   "description": "Improve access to, experience of, and outcomes of care for children and young people, with a special focus on driving up health equity. Interim measure: waiting times for children and young people's services in 23/24, with fuller metrics from 24/25.",
   "easy_read": [
    "Children and young people should get good care.",
    "They should not wait too long."
   ],
   "keywords": [
    "children",
    "child",
    "young people",
    "young person",
    "school",
    "kids",
    "teenager",
    "ehcp",
    "paediatrician",
    "special school",
    "children's services",
    "year 9",
    "sen"
   ],
   "examples": [
    "i am 15 and the doctor talks to my mum not me",
    "Our son is eight, non-verbal and has a learning disability. We waited almost two years to see a community paediatrician and in that time his school placement broke down. Children can't wait that long.",
    "Staff note: waiting time for children's speech and language therapy currently 58 weeks.",
    "school dont understand me",
    "More things for disabled kids to do in the holidays please. There is nothing for teenagers like my daughter.",
    "i want the nurse to explain it to me not my dad",
    "Her EHCP says she needs health support at school but nobody from health ever comes to the review.",
    "Staff note: child with autism excluded from school twice this term; no health professional at the review meeting.",
    "Young people like me find hospital appointments really stressful and nobody listens to us.",
    "my little brother has to wait ages for help"
   ],
   "collaborative": "cyp-partnership"
  },
  {
   "code": "pledge-12",
   "name": "Women and girls",
   "description": "Engage with, listen to, empower and co-produce services with women and girls. Measured by the Maternity Friends and Family Test across four stages of care: antenatal, birth, postnatal ward and postnatal community.",
   "easy_read": [
    "We will listen to women and girls.",
    "We will plan services with them."
   ],
   "keywords": [
    "maternity",
    "pregnant",
    "pregnancy",
    "midwife",
    "baby",
    "women",
    "girls",
    "periods",
    "menopause",
    "smear test",
    "contraception",
    "antenatal",
    "postnatal",
    "having a baby"
   ],
   "examples": [
    "i am pregnant and scared no one explains things",
    "My sister has a learning disability and is expecting her first baby. The midwife spoke only to her partner and the leaflets were far too complicated. She felt talked down to the whole way through.",
    "Staff note: mother with LD on the postnatal ward; no easy read information about feeding available.",
    "my periods hurt a lot and the doctor didnt help",
    "Nobody has ever explained the menopause to my daughter in a way she understands, and she's frightened by what's happening to her body.",
    "i want a lady doctor",
    "Staff note: women's group asked for easy read leaflets on contraception and smear tests.",
    "the midwife was kind and used pictures",
    "Girls with autism get missed. My daughter masked at school for years."
   ],
   "collaborative": "womens-partnership"
  },
  {
   "code": "pledge-13",
   "name": "Our people: workforce",
   "description": "Shape our people and services around the needs of our population by improving workforce retention, reducing agency usage and growing our workforce to ensure we are fit for the future. Measures to be defined during 23/24.",
   "easy_read": [
    "We need enough good staff.",
    "We want staff to stay in their jobs.",
    "Staff should be trained to help you."
   ],
   "keywords": [
    "agency staff",
    "not enough staff",
    "short staffed",
    "staff shortages",
    "staff keep changing",
    "different staff",
    "new staff",
    "staff training",
    "autism training",
    "oliver mcgowan",
    "support workers",
    "recruitment",
    "staff turnover",
    "same staff"
   ],
   "examples": [
    "i dont like new staff every week i want the same peple",
    "My brother has had eleven different support workers this year, most of them from an agency. Every time someone new starts we have to explain everything again and he goes backwards.",
    "Staff note: team running at 30% vacancy; heavy reliance on agency staff over the weekend.",
    "the staff dont know about autism",
    "The nurses on the ward were kind but clearly short staffed. Nobody had time to sit with him.",
    "we need more staff who can do makaton",
    "Staff should all have proper learning disability and autism training, like the Oliver McGowan training, not just an online module.",
    "Staff note: three experienced support workers left this quarter citing pay and burnout.",
    "my key nurse left and i miss her",
    "Good staff make all the difference. The ones who stay long enough to get to know you are worth their weight in gold."
   ],
   "collaborative": "people-board"
  }
 ],
 "pathways": [
  {
   "code": "annual-health-checks",
   "name": "Annual health checks",
   "description": "Annual health checks at the GP for everyone aged 14 and over on the GP learning disability register, each producing a health action plan; improving completion rates towards the target of 75% of people with a learning disability having a check, and developing autism health checks.",
   "easy_read": [
    "A health check is a visit to your doctor every year.",
    "You need to be on the doctor's learning disability list.",
    "You get a plan to help you stay well."
   ],
   "keywords": [
    "annual health check",
    "health check",
    "health action plan",
    "learning disability register",
    "ld register",
    "yearly check",
    "check up",
    "blood test",
    "practice nurse",
    "ahc",
    "autism health check"
   ],
   "examples": [
    "i had my helth chek and they took blood",
    "We waited three years for an annual health check for my son. When it finally happened the GP didn't know how to adapt it and there was no health action plan afterwards.",
    "Staff note: patient not coded on the GP learning disability register, so no AHC invitation was sent.",
    "the doctor did my check up and it was quick",
    "my health plan is in easy read with pictures",
    "Can autistic people without a learning disability get an annual health check too? My son is autistic and doesn't qualify for anything.",
    "i was scared of the needle at my health check",
    "Staff note: AHC completed, health action plan shared with the person and their support staff.",
    "Practice nurse was fantastic at the annual health check, gave my sister extra time and used pictures to explain the blood test."
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "dynamic-support",
   "name": "Dynamic support register",
   "description": "The Dynamic Support Pathway and register: identifying people of all ages at risk of admission early, holding Care (Education) and Treatment Reviews and robust multi-agency meetings, and giving early help to reduce the risk of deterioration and avoid hospital admission.",
   "easy_read": [
    "Some people are at risk of going into hospital.",
    "We keep a list so we can help them early.",
    "This helps people stay at home."
   ],
   "keywords": [
    "dynamic support register",
    "dynamic support pathway",
    "dsr",
    "care and treatment review",
    "ctr",
    "cetr",
    "at risk of admission",
    "early help",
    "early intervention",
    "positive behaviour support",
    "pbs",
    "multi agency meeting",
    "behaviour is getting worse",
    "before it gets to crisis"
   ],
   "examples": [
    "they had a big meetin about me with lots of people so i dont go in hospital",
    "Our son's behaviour had been getting worse for months and we kept asking for help. Only when he was put on the dynamic support register did everyone finally sit round a table together. Why does it have to get that bad first?",
    "Staff note: added to the DSR as amber; C(E)TR requested within 4 weeks to avoid admission.",
    "i get help early when i start to feel bad",
    "The Care and Treatment Review was the first time anyone listened to us as a family. The recommendations were good, but half of them were never actioned.",
    "Staff note: positive behaviour support plan reviewed at multi-agency meeting; risk of placement breakdown reduced.",
    "We were told she was 'at risk of admission' but nobody explained what that list is or what it means for her.",
    "my pbs plan helps the staff know what to do",
    "Staff note: CETR held for 15-year-old; education, social care and CAMHS attended; early intervention agreed.",
    "Nobody would help until things got really bad. Early help would have stopped all of this."
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "crisis-support",
   "name": "Crisis support",
   "description": "Urgent help in a crisis for adults and children: rapid response and 24/7 intensive support in the home, crisis management, and alternatives to hospital admission during times of crisis.",
   "easy_read": [
    "A crisis is when things go very wrong.",
    "You should get help quickly, day or night.",
    "Help should come to your home."
   ],
   "keywords": [
    "crisis",
    "crisis team",
    "crisis line",
    "24/7",
    "intensive support",
    "out of hours",
    "urgent help",
    "nobody answers",
    "breaking point",
    "meltdown",
    "called the police",
    "alternative to admission",
    "crisis bed",
    "home treatment"
   ],
   "examples": [
    "i rang the crisis line and nobody picked up",
    "Last Friday night my son went into a full crisis, smashing windows and hurting himself. The out of hours number told us to go to A&E. There was nothing else. We need intensive support that comes to the house, day or night.",
    "Staff note: intensive support team visited twice daily for a week; admission avoided.",
    "when i have a meltdown i need someone to come quick",
    "We were at breaking point. The police ended up being called because there was nobody else to ring at 2am.",
    "crisis team were good they came to my house",
    "Staff note: no crisis bed available locally; alternative to admission sought through short-term placement.",
    "My daughter needed urgent help at the weekend and the only option offered was hospital, miles away.",
    "i want to no who to call when it all goes wrong",
    "The rapid response team stayed with us at home all night and he didn't have to go into hospital. That's what 24/7 support should look like."
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "respite-and-carers",
   "name": "Short breaks and carer support",
   "description": "Short breaks and respite for adults and children, short-term respite beds, and support for family carers to prevent carer breakdown.",
   "easy_read": [
    "Family carers need a rest sometimes.",
    "A short break gives everyone some time off."
   ],
   "keywords": [
    "respite",
    "short breaks",
    "short break",
    "carer's assessment",
    "carer support",
    "carer breakdown",
    "unpaid carer",
    "family carer",
    "burnt out",
    "exhausted",
    "a break",
    "day centre",
    "sitting service",
    "overnight stay"
   ],
   "examples": [
    "i like going to respit i see my frends there",
    "I've been caring for my son 24 hours a day for 22 years. Our respite allocation was cut from 40 nights to 14 and I'm exhausted. If I break down, who looks after him then?",
    "Staff note: carer's assessment overdue by 9 months; family reports carer breakdown imminent.",
    "my mum needs a break she is tired all the time",
    "The short breaks unit closed and the replacement is an hour away. We haven't had a night off in over a year.",
    "As an unpaid carer I feel invisible. Nobody asks how I am, only how he is.",
    "Staff note: day centre place reduced to two days per week; parents struggling to maintain employment.",
    "i want to go on holiday without my mum and dad sometimes",
    "The carers' group is a lifeline, being with other parents who understand.",
    "A sitting service even for a few hours a week would let me go to my own doctor's appointments."
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "autism-team",
   "name": "Specialist Autism Team (14+)",
   "description": "The Specialist Autism Team, a community service for people aged 14 and over, including autistic people without a learning disability: consultation and advice, positive behaviour support and early intervention, admission avoidance, inpatient discharge planning and post-discharge support.",
   "easy_read": [
    "The autism team helps autistic people aged 14 and over.",
    "They help people who do not have a learning disability too."
   ],
   "keywords": [
    "specialist autism team",
    "autism team",
    "autistic adult",
    "autism without learning disability",
    "no learning disability",
    "asd",
    "asperger",
    "sensory",
    "fall through the gaps",
    "autism service",
    "autism support",
    "masking"
   ],
   "examples": [
    "im autistic but i dont have a learning disability so no one will help me",
    "My 19-year-old is autistic with no learning disability. The learning disability team won't see him, mental health say it's autism, so he falls through the gaps every time.",
    "Staff note: referral accepted by the Specialist Autism Team (14+); consultation and advice offered to family.",
    "the autism team helped me with my sensory stuff",
    "Please keep the autism team going. They were the first service that actually understood my son.",
    "i have asd and lights in shops hurt my eyes",
    "Staff note: autistic adult without LD discharged from inpatient unit; SAT providing post-discharge support.",
    "I'm 15 and autistic, and I mask all day at school then fall apart at home. Where is the support for people like me?",
    "The autism service gave us advice but there is a waiting list for anything more than that.",
    "no one gets autism at the job centre"
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "autism-assessment",
   "name": "Autism assessment and diagnosis",
   "description": "Autism assessment and diagnosis for children and adults: optimising assessment services, reducing long waits, and making sure post-diagnostic support is in place for autistic people of all ages.",
   "easy_read": [
    "An assessment can find out if you are autistic.",
    "You should not wait a long time.",
    "You should get help after you find out."
   ],
   "keywords": [
    "autism assessment",
    "autism test",
    "diagnosis",
    "diagnosed",
    "waiting for a diagnosis",
    "asd assessment",
    "referral for autism",
    "post diagnostic support",
    "after diagnosis",
    "adhd",
    "assessment waiting list",
    "getting a diagnosis"
   ],
   "examples": [
    "i been waiting 3 yeres for my autism test",
    "We were told the wait for an autism assessment for our daughter is two and a half years. In the meantime school won't put support in place without a diagnosis, so she's just left to struggle.",
    "Staff note: adult ASD assessment waiting list currently 140 weeks; 600 people waiting.",
    "i got my diagnosis and then nothing happend",
    "After the diagnosis we were given a leaflet and a website. That was it. There was no follow-up, no support, nothing.",
    "Staff note: post-diagnostic support group offered at four and eight weeks after diagnosis.",
    "Getting a diagnosis as an adult woman was a battle. The GP kept saying I couldn't be autistic because I make eye contact.",
    "when will i know if i have autism",
    "The assessment itself was really good and thorough, we felt listened to.",
    "We paid to go private for a diagnosis because we couldn't wait any longer."
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "forensic",
   "name": "Community forensic service",
   "description": "The LD&A community forensic service for people with a learning disability and/or autism who have forensic needs: reducing serious reoffending among people discharged from secure inpatient services, promoting recovery and independence while protecting the public.",
   "easy_read": [
    "Some people have been in trouble with the police.",
    "The forensic team helps them live safely in the community."
   ],
   "keywords": [
    "forensic",
    "forensic team",
    "police station",
    "prison",
    "court",
    "probation",
    "offending",
    "reoffending",
    "arrested",
    "secure hospital",
    "secure unit",
    "criminal justice",
    "custody",
    "liaison and diversion"
   ],
   "examples": [
    "i was in prison and now the forensic team see me",
    "My nephew has a learning disability and was arrested. Nobody in the police station recognised he didn't understand what was happening, and he had no appropriate adult for hours.",
    "Staff note: discharged from medium secure unit; community forensic team leading risk management and relapse prevention.",
    "i have to see my probation officer and its hard to understand",
    "The court letters are full of words he can't read. He nearly missed his hearing.",
    "Staff note: liaison and diversion referral made from custody suite; LD screening positive.",
    "the police was kind to me when i got in trubble",
    "He has been in secure hospital for six years and the forensic service says he's ready to come back to the community, but there's no housing.",
    "Staff note: forensic pathway review; no reoffending in 12 months since discharge.",
    "i want to keep out of trouble and have a job"
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "hospital-discharge",
   "name": "Inpatient care and discharge",
   "description": "Reducing reliance on inpatient care for adults and children: fewer admissions, fewer out-of-area and out-of-county hospital placements, regular review of plans with system escalation for delayed discharges, and timely discharge with post-discharge support.",
   "easy_read": [
    "Some people stay in hospital too long.",
    "Some go to hospitals far from home.",
    "We want people to come home when they are ready."
   ],
   "keywords": [
    "discharge",
    "discharged",
    "inpatient",
    "out of area",
    "out of county",
    "delayed discharge",
    "stuck in hospital",
    "admission",
    "admitted",
    "sectioned",
    "assessment and treatment unit",
    "locked ward",
    "coming home",
    "hospital bed",
    "long stay"
   ],
   "examples": [
    "i been in hospital 2 years i want to go home",
    "My daughter has been in an out of area hospital 150 miles away for three years. She is ready for discharge but there's no suitable home for her locally, so she just sits there. We can only visit once a month.",
    "Staff note: delayed discharge escalated to system panel; housing provider identified, transition plan in progress.",
    "they sectioned me and i was scared on the ward",
    "He was admitted for a two-week assessment and stayed eighteen months.",
    "Staff note: out-of-county inpatient placement reviewed; repatriation to LLR agreed for Q3.",
    "i dont like the locked ward i want my own flat",
    "The discharge was rushed. He came home on a Friday with no support in place and was back in crisis by Monday.",
    "Please stop sending people so far away. It breaks families.",
    "Staff note: post-discharge follow-up completed at 72 hours; placement stable."
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "cyp-keyworker",
   "name": "Key workers for children and young people",
   "description": "A designated key worker for every child and young person with a learning disability and/or autism who is at risk of admission, to coordinate support across services so families have one named person to turn to.",
   "easy_read": [
    "A key worker is one person who helps you and your family.",
    "They help all your services work together."
   ],
   "keywords": [
    "key worker",
    "keyworker",
    "designated key worker",
    "named worker",
    "one person to contact",
    "single point of contact",
    "coordinate",
    "navigate the system",
    "someone on our side",
    "one number to ring"
   ],
   "examples": [
    "my key worker helps me and my mum",
    "Since we got a keyworker for our 13-year-old things have been so much easier. She chases school, CAMHS and social care so I don't have to, and she actually answers her phone.",
    "Staff note: CYP keyworker allocated following CETR; family given single point of contact.",
    "i dont no who to ring when things go wrong",
    "We have eight different professionals and nobody is in charge. We desperately need one person who coordinates it all.",
    "my keywoker came to my school meeting",
    "Staff note: keyworking service caseload at capacity; 12 young people waiting for allocation.",
    "Having a named worker who knows my daughter's story means I don't have to repeat it every time.",
    "Why do only some children get a key worker? Ours was turned down because he's not on the register.",
    "she is on our side and explains things"
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "transitions",
   "name": "Transition to adult services",
   "description": "Moving from children's to adult services and preparing for adulthood: a planned transition pathway so that young people with a learning disability and/or autism do not face a cliff edge at 18.",
   "easy_read": [
    "At 18 you move from children's services to adult services.",
    "This change should be planned with you."
   ],
   "keywords": [
    "transition",
    "adult services",
    "preparing for adulthood",
    "turning 18",
    "turned 18",
    "when he turns 18",
    "cliff edge",
    "leaving school",
    "leave school",
    "college",
    "children's to adult",
    "moving on",
    "aged out"
   ],
   "examples": [
    "i am 18 now and i lost all my nurses",
    "When our daughter turned 18 everything stopped overnight. Children's services closed her case and adult services hadn't even started the assessment. It was a complete cliff edge.",
    "Staff note: transition planning meeting held at 16; adult social care and adult LD team both attended.",
    "i am scared about leaving school what will i do",
    "Nobody told us that the paediatrician would stop at 18 and there's no adult equivalent.",
    "i want to go to college and live on my own one day",
    "Staff note: young person aged out of CAMHS with no adult mental health referral in place.",
    "Preparing for adulthood reviews start far too late. Year 9 is supposed to be the start but nothing happened until Year 11.",
    "my social worker changed when i turned 18 and the new one doesnt know me",
    "He's moving from children's to adult services next year and we're dreading it."
   ],
   "collaborative": "lda-collaborative"
  },
  {
   "code": "leder",
   "name": "Learning from lives and deaths (LeDeR)",
   "description": "Learning from Lives and Deaths (LeDeR) reviews of people with a learning disability and autistic people, completed within 6 months with learning shared quarterly with system partners, so that lessons are learnt and services improve. People with a learning disability in LLR may live up to 25 years less.",
   "easy_read": [
    "When a person with a learning disability dies, we look at what happened.",
    "We learn from it to make care better."
   ],
   "keywords": [
    "leder",
    "learning from lives and deaths",
    "died",
    "death",
    "passed away",
    "avoidable death",
    "mortality review",
    "die younger",
    "lessons learned",
    "bereaved",
    "end of life",
    "dnacpr",
    "do not resuscitate",
    "funeral"
   ],
   "examples": [
    "my frend died and it was not his time",
    "My brother died at 47 of aspiration pneumonia. Looking back, the signs were there for months. I want to know that his LeDeR review actually changes something for the next family.",
    "Staff note: LeDeR notification submitted within 2 working days of death; reviewer allocated.",
    "why do people like us die so young",
    "They put a do not resuscitate order on my son because of his learning disability without even asking us.",
    "Staff note: themes from quarterly LeDeR learning shared with primary care: constipation, aspiration and sepsis recognition.",
    "i miss my house mate who passed away",
    "The review into my mother's death took over a year and nobody from the family was interviewed.",
    "Lessons are supposedly learned every time, but the same things keep happening.",
    "We need to learn from every death so it doesn't happen to anyone else."
   ],
   "collaborative": "lda-collaborative"
  }
 ]
}
"""
)
