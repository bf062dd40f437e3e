"""Reads for the tag review queue and the tagger health page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, FloatField, IntegerField, Max, Min, Value, When
from django.db.models.functions import Abs
from django.utils.text import slugify

from feedback.models import Channel
from feedback.selectors import TextRef, TextTag, text_refs
from languages.selectors import translations_for

from .evidence import explain, snippets
from .holds import held_targets, uncontained
from .models import (
    HUMAN_DECISION,
    CandidateTheme,
    ImportJob,
    RetagRun,
    Tag,
    TaggerVersion,
    TagStatus,
    ThemeRun,
)
from .tagging.metrics import bootstrap_f1
from .texts import MAX_TEXT


@dataclass
class ReviewItem:
    """One text waiting for review with every tag on it (suggested or already decided)."""

    ref: TextRef
    teach: float  # 1 = the tagger is torn (a decision teaches most), 0 = it is sure
    flagged: bool = False  # an open safeguarding flag: never confirmed into quotes
    tags: list[Tag] = field(default_factory=list)
    translation: object | None = None  # languages.TextTranslation, when not in English

    @property
    def target(self) -> str:
        return self.ref.target

    @property
    def anchor(self) -> str:
        return text_anchor(self.ref.target)

    @property
    def codes(self) -> set[str]:
        """Codes already on the text: suggested ones are ticked, decided ones undone."""
        return {tag.code for tag in self.tags}

    @property
    def english(self) -> str:
        """The words the tagger read: a person's translation, or the text itself."""
        t = self.translation
        return t.text if t is not None and t.text else self.ref.text


def text_anchor(target: str) -> str:
    """The id of a text's heading on the review screen (``a:12`` -> ``text-a12``): the page
    renders it and the view sends the reviewer back to it after a decision."""
    return f"text-{slugify(target)}"


ORDERS = {"teach": "What would teach the tagger most", "date": "Newest first"}


def review_queue(
    *, limit: int = 20, code: str = "", order: str = "teach", thresholds: dict | None = None
) -> tuple[list[ReviewItem], int]:
    """Texts with suggestions nobody has decided on, and how many wait in all.

    ``order="teach"``: the text whose most uncertain suggestion sits closest to its tag's
    threshold comes first (a person's decision there moves the tagger most; thresholds are
    the current tagger's, 0.5 when there is none). Texts held by safeguarding come after the
    rest: their tags cannot be confirmed until the lead releases them, so they teach little
    and would otherwise fill the top of the queue. ``order="date"``: newest first.
    """
    pending = Tag.objects.filter(status=TagStatus.SUGGESTED).exclude(method="human")
    if code:
        pending = pending.filter(code=code)
    thresholds = thresholds or {}
    threshold = Case(
        *[When(code=c, then=Value(float(t))) for c, t in thresholds.items()],
        default=Value(0.5),
        output_field=FloatField(),
    )
    free = uncontained(Tag.objects.filter(status=TagStatus.SUGGESTED), via="target")
    by_text = (
        pending.annotate(
            held=Case(
                When(target__in=free.values("target"), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .values("target", "held")
        .annotate(closeness=Min(Abs(F("confidence") - threshold)), newest=Max("created_at"))
    )
    if order == "date":
        by_text = by_text.order_by("-newest", "target")
    else:
        by_text = by_text.order_by("held", "closeness", "target")
    total = by_text.count()
    page = list(by_text[:limit])
    targets = [row["target"] for row in page]
    refs = text_refs(targets)
    translations = translations_for(targets)
    items = {
        row["target"]: ReviewItem(
            ref=refs[row["target"]],
            teach=round(max(0.0, 1 - 2 * row["closeness"]), 3),
            flagged=bool(row["held"]),  # the same containment the order used
            translation=translations.get(row["target"]),
        )
        for row in page
        if row["target"] in refs
    }
    for tag in Tag.objects.filter(target__in=list(items)).order_by("-confidence", "code"):
        items[tag.target].tags.append(tag)
    return [items[t] for t in targets if t in items], total


def recent_decisions(*, limit: int = 20) -> list[tuple[TextRef, Tag]]:
    """The latest decisions people made, newest first, each with its text: for undo."""
    tags = list(
        Tag.objects.filter(HUMAN_DECISION, reviewed_at__isnull=False)
        .select_related("reviewed_by")
        .order_by("-reviewed_at", "-id")[:limit]
    )
    refs = text_refs(t.target for t in tags)
    return [(refs[t.target], t) for t in tags if t.target in refs]


def text_tags(targets: Iterable[str], names: dict[str, str]) -> dict[str, list[TextTag]]:
    """The tags on each text, decided ones first, for the response and focus-group pages
    (registered as feedback's ``feedback_text_tags`` hook)."""
    found: dict[str, list[TextTag]] = {}
    rows = Tag.objects.filter(target__in=list(targets)).exclude(status=TagStatus.REJECTED)
    for tag in rows.order_by("target", "status", "-confidence"):
        found.setdefault(tag.target, []).append(
            TextTag(
                name=names.get(tag.code, tag.code),
                status=tag.status,
                status_label=tag.get_status_display(),
            )
        )
    return found


def review_counts() -> dict[str, int]:
    return dict(Tag.objects.values_list("status").annotate(n=Count("id")).order_by())


def tagger_versions(limit: int = 10) -> list[TaggerVersion]:
    return list(TaggerVersion.objects.defer("blob")[:limit])


def tagger_current_version() -> TaggerVersion | None:
    return TaggerVersion.objects.defer("blob").filter(is_current=True).first()


def retag_runs(limit: int = 5) -> list[RetagRun]:
    return list(RetagRun.objects.all()[:limit])


def reviews_since_training() -> int:
    current = tagger_current_version()
    decided = Tag.objects.filter(HUMAN_DECISION).count()
    return decided - (current.reviews_at_training if current else 0)


@dataclass(frozen=True)
class TagEvidence:
    """The words of the text itself that drove a tag's score (never training text)."""

    words: list[str]
    snippets: list  # evidence.Snippet


def review_evidence(items: list[ReviewItem], tagger) -> dict[int, TagEvidence]:
    """Evidence for each machine tag on the page, by tag id, from the current tagger."""
    columns = {code: j for j, code in enumerate(tagger.codes)}
    out: dict[int, TagEvidence] = {}
    for item in items:
        machine = [t for t in item.tags if t.method != "human" and t.code in columns]
        if not machine or not item.english:
            continue
        text = item.english[:MAX_TEXT]
        drivers = explain(text, [columns[t.code] for t in machine], tagger.scores)
        for tag in machine:
            found = drivers[columns[tag.code]]
            out[tag.pk] = TagEvidence([d.word for d in found], snippets(text, found))
    return out


def import_jobs(limit: int = 10) -> list[ImportJob]:
    return list(ImportJob.objects.defer("source").select_related("created_by")[:limit])


# --- Accuracy people can see (the health page) -------------------------------------------------

F1_FLOOR = 0.75  # labels below this are flagged on the health page
VOICE_GROUPS = {
    "self": "Self",
    "supporter": "Self (with support)",
    "carer": "Carer",
    "young_person": "Young person",
    "staff_recorded": "Staff-recorded",
    "professional": "Professional",
}
CHANNEL_GROUPS = dict(Channel.choices)


@dataclass(frozen=True)
class Reviewed:
    """Texts people have fully reviewed: what they decided against what the tagger proposed."""

    gold: list[frozenset[str]]
    predicted: list[frozenset[str]]
    voices: list[str]
    channels: list[str]


def reviewed_truth() -> Reviewed:
    """Every text where people decided on every machine suggestion (none still waiting):
    gold = the codes confirmed or added, predicted = the codes the tagger suggested."""
    gold: dict[str, set[str]] = {}
    predicted: dict[str, set[str]] = {}
    waiting: set[str] = set()
    rows = Tag.objects.values_list("target", "code", "status", "method").iterator(2000)
    for target, code, status, method in rows:
        gold.setdefault(target, set())
        predicted.setdefault(target, set())
        if method != "human":
            predicted[target].add(code)
            if status == TagStatus.SUGGESTED:
                waiting.add(target)
        if status == TagStatus.CONFIRMED:
            gold[target].add(code)
    targets = sorted(t for t in gold if t not in waiting)
    refs = text_refs(targets)
    targets = [t for t in targets if t in refs]
    return Reviewed(
        gold=[frozenset(gold[t]) for t in targets],
        predicted=[frozenset(predicted[t]) for t in targets],
        voices=[refs[t].voice or "" for t in targets],
        channels=[refs[t].channel or "" for t in targets],
    )


@dataclass
class LabelAccuracy:
    code: str
    name: str
    overall: dict  # {"f1", "low", "high", "support"}
    by_voice: dict[str, dict]
    by_channel: dict[str, dict]

    @property
    def below_floor(self) -> bool:
        return self.overall["support"] > 0 and self.overall["f1"] < F1_FLOOR


def label_accuracy(names: dict[str, str], *, resamples: int = 500) -> list[LabelAccuracy]:
    """Per-label F1 on reviewed texts with 95% bootstrap intervals, overall and split by
    voice and by channel (a split with no text of the label is left out)."""
    data = reviewed_truth()
    codes = list(names)
    if not data.gold:
        return []

    def figures(keep: list[int]) -> dict[str, dict]:
        return bootstrap_f1(
            [data.gold[i] for i in keep],
            [data.predicted[i] for i in keep],
            codes,
            n=resamples,
            seed=0,
        )

    everyone = figures(list(range(len(data.gold))))
    splits: dict[str, dict[str, dict]] = {}
    for kind, values in (("voice", data.voices), ("channel", data.channels)):
        for value in sorted(set(values)):
            keep = [i for i, v in enumerate(values) if v == value]
            splits[f"{kind}:{value}"] = figures(keep)
    out = []
    for code in codes:
        if not everyone.get(code, {}).get("support"):
            continue
        by = {"voice": {}, "channel": {}}
        for key, table in splits.items():
            kind, value = key.split(":", 1)
            if table.get(code, {}).get("support"):
                by[kind][value] = table[code]
        out.append(LabelAccuracy(code, names[code], everyone[code], by["voice"], by["channel"]))
    return out


def learning_curve() -> list[dict]:
    """Each trained version's cross-validated macro F1 against the reviewed texts it learnt
    from, oldest first: how the tagger has improved as people reviewed."""
    points = []
    for v in TaggerVersion.objects.defer("blob").order_by("trained_at"):
        if v.metrics.get("macro_f1") is not None:
            points.append(
                {
                    "reviewed": v.reviewed_examples,
                    "macro_f1": v.metrics["macro_f1"],
                    "micro_f1": v.metrics.get("micro_f1"),
                    "version": v.version,
                    "trained_at": v.trained_at,
                }
            )
    return points


# --- Emerging themes -----------------------------------------------------------------------------

QUOTES_PER_THEME = 3


@dataclass(frozen=True)
class ThemeQuote:
    """One example of a candidate theme: the text's stable name and link, redacted words."""

    name: str
    url: str
    text: str


@dataclass
class CandidateView:
    candidate: CandidateTheme
    quotes: list[ThemeQuote]
    held: int  # texts of the theme held by safeguarding since the search (never quoted)


def theme_runs(limit: int = 20) -> list[ThemeRun]:
    return list(ThemeRun.objects.select_related("consultation", "created_by")[:limit])


def theme_candidates(run: ThemeRun) -> list[CandidateView]:
    """The run's candidates, largest first, each with up to three redacted example quotes.

    Held texts are checked now, not at search time: a flag raised since keeps its text out."""
    from feedback.redaction import redact

    candidates = sorted(run.candidates.all(), key=lambda c: (-c.size, c.pk))
    wanted = [t for c in candidates for t in c.members[: QUOTES_PER_THEME * 4]]
    held = held_targets(t for c in candidates for t in c.members)
    refs = text_refs(t for t in wanted if t not in held)
    out = []
    for c in candidates:
        quotes = []
        for target in c.members:
            ref = refs.get(target)
            if ref is None or not ref.text.strip():
                continue
            # Redacted whole, then shortened: a cut identifier would slip past the patterns.
            quotes.append(ThemeQuote(ref.name, ref.url, redact(ref.text).text[:600]))
            if len(quotes) == QUOTES_PER_THEME:
                break
        out.append(CandidateView(c, quotes, sum(1 for t in c.members if t in held)))
    return out
