"""Writes for background jobs: tagging feedback, training the tagger, the job system's records.

Tasks call these with ids. Every write here is idempotent: running a job twice (a redelivery
after a lost worker, the sweep re-queueing) leaves the same rows as running it once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from cms.jobs import enqueue_on_commit
from cms.selectors import active_taxonomy
from feedback.models import Contribution, Response, ResponseStatus
from feedback.signals import responses_changed
from languages.services import units_in_english

from .holds import held_targets, uncontained
from .models import (
    HUMAN_DECISION,
    HistoryExample,
    ImportJob,
    ImportKind,
    ImportStatus,
    RetagRun,
    Tag,
    TaggerVersion,
    TagMethod,
    TagStatus,
    WorkerHeartbeat,
)
from .tagging import Example, Label, Tagger, cross_validate, train_tagger
from .texts import (
    MAX_TEXT,
    TextUnit,
    texts_for_targets,
    units_for_contributions,
    units_for_responses,
)

logger = logging.getLogger(__name__)

# Retrain once this many new human decisions exist since the current version was trained.
RETRAIN_AFTER_REVIEWS = 20


def heartbeat_record(*, hostname: str) -> WorkerHeartbeat:
    """Idempotent per host: one row each, its time moved on."""
    beat, _ = WorkerHeartbeat.objects.update_or_create(
        hostname=hostname[:255], defaults={"seen_at": timezone.now()}
    )
    return beat


# --- The tagger --------------------------------------------------------------------------------


def taxonomy_labels() -> tuple[list[Label], dict[str, str]]:
    """The active pledges and pathways as engine labels, and each code's kind."""
    items = active_taxonomy()
    labels = [
        Label(
            code=i.code,
            name=i.name,
            description=i.description,
            keywords=i.keywords,
            examples=i.examples,
        )
        for i in items
    ]
    return labels, {i.code: i.kind for i in items}


def reviewed_examples() -> list[Example]:
    """Every text a person has reviewed, with the codes they confirmed (possibly none).

    A text counts as reviewed once any of its tags carries a human decision; its codes are
    the confirmed ones (including tags people added), and rejections teach by absence. A
    machine suggestion still waiting on it (left for later, sent back by an undo, or beside
    a promoted theme) is `unknown`: undecided is not wrong, so it is not taught as wrong.
    """
    decided = Tag.objects.filter(HUMAN_DECISION).values("target")
    rows = Tag.objects.filter(target__in=decided).values_list("target", "code", "status", "method")
    codes: dict[str, set[str]] = {}
    waiting: dict[str, set[str]] = {}
    for target, code, status, method in rows.iterator(2000):
        codes.setdefault(target, set())
        if status == TagStatus.CONFIRMED:
            codes[target].add(code)
        elif status == TagStatus.SUGGESTED and method != TagMethod.HUMAN:
            waiting.setdefault(target, set()).add(code)
    texts = texts_for_targets(codes)
    return [
        Example(text=texts[t], codes=frozenset(c), unknown=frozenset(waiting.get(t, ())))
        for t, c in sorted(codes.items())
        if t in texts
    ]


# Training is deterministic, so the same labels and examples always give the same tagger:
# a process keeps the last few it trained instead of spending seconds to train them again.
_TRAINED: dict[tuple, tuple[Tagger, dict]] = {}


def _train(
    labels: list[Label], reviewed: list[Example], history: Sequence[Example] = ()
) -> tuple[Tagger, dict]:
    """Train on reviewed texts plus any imported history; the figures are cross-validated on
    reviewed texts only (what people decided here), never on the imported history."""
    key = (tuple(labels), tuple(reviewed), tuple(history))
    if key not in _TRAINED:
        metrics = cross_validate(labels, reviewed, folds=5) if len(reviewed) >= 10 else {}
        if len(_TRAINED) >= 4:
            _TRAINED.pop(next(iter(_TRAINED)))
        _TRAINED[key] = (train_tagger(labels, [*reviewed, *history]), metrics)
    return _TRAINED[key]


def history_examples() -> list[Example]:
    """Labelled texts imported from a trust's history (admin "Import history")."""
    return [
        Example(text=text, codes=frozenset(codes))
        for text, codes in HistoryExample.objects.order_by("job_id", "line").values_list(
            "text", "codes"
        )
    ]


def tagger_train(*, reason: str) -> TaggerVersion:
    """Train on the taxonomy plus every reviewed text, measure it, and make it current.

    The seconds of training happen outside any transaction: a decision saved meanwhile never
    waits for them (or, on SQLite, fails on a lock); it counts towards the next retraining.
    """
    with transaction.atomic():
        labels, _ = taxonomy_labels()
        reviewed = reviewed_examples()
        history = history_examples()
        reviews_now = Tag.objects.filter(HUMAN_DECISION).count()
    tagger, metrics = _train(labels, reviewed, history)
    with transaction.atomic():
        TaggerVersion.objects.filter(is_current=True).update(is_current=False)
        version, _ = TaggerVersion.objects.update_or_create(
            version=tagger.version,
            defaults={
                "reason": reason[:120],
                "examples": tagger.trained_on,
                "reviewed_examples": len(reviewed),
                "reviews_at_training": reviews_now,
                "metrics": metrics,
                "blob": tagger.dumps(),
                "is_current": True,
                # The same version trained again is new as of now (the health page's wait).
                "trained_at": timezone.now(),
            },
        )
    _CACHE.clear()
    logger.info("trained tagger %s on %d examples (%s)", tagger.version, tagger.trained_on, reason)
    return version


class _TaggerCache:
    """The current tagger, loaded once per process and reloaded when a new version exists."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._tagger: Tagger | None = None

    def clear(self) -> None:
        with self._lock:
            self._version, self._tagger = None, None

    def get(self) -> Tagger:
        current = TaggerVersion.objects.filter(is_current=True).values_list("version", flat=True)
        version = current.first()
        with self._lock:
            if self._tagger is not None and version == self._version:
                return self._tagger
        if version is None:
            tagger_train(reason="first use")
            return self.get()
        blob = TaggerVersion.objects.values_list("blob", flat=True).get(version=version)
        tagger = Tagger.loads(bytes(blob))
        with self._lock:
            self._version, self._tagger = version, tagger
        return tagger


_CACHE = _TaggerCache()


def tagger_current() -> Tagger:
    return _CACHE.get()


def on_demo_loaded(sender, *, report, **kwargs) -> None:
    """Receiver of ``cms.demo.demo_loaded``: train the first tagger now, not on the first
    person's submission (training takes a few seconds)."""
    if not TaggerVersion.objects.filter(is_current=True).exists():
        version = tagger_train(reason="demo content loaded")
        report.created.append(f"tagger {version.version}")


def next_retrain() -> dict:
    """The truth about the next automatic retraining, for the health and review pages.

    ``reviews_since``: decisions since the current version was trained; ``due_after``: how
    many trigger it; ``remaining``: how many more are needed; ``due``: it is queued as soon
    as the decision that makes it due is saved (not on the next beat).
    """
    current = TaggerVersion.objects.filter(is_current=True).values("reviews_at_training").first()
    reviews_now = Tag.objects.filter(HUMAN_DECISION).count()
    # A net count: undoing a decision the version learnt from takes one off, never below 0.
    since = max(0, reviews_now - (current["reviews_at_training"] if current else 0))
    return {
        "reviews_since": since,
        "due_after": RETRAIN_AFTER_REVIEWS,
        "remaining": max(0, RETRAIN_AFTER_REVIEWS - since),
        "due": current is None or since >= RETRAIN_AFTER_REVIEWS,
    }


def retrain_if_due() -> TaggerVersion | None:
    """Retrain when enough people's decisions arrived since the current version."""
    due = next_retrain()
    if not due["due"]:
        return None
    return tagger_train(reason=f"{due['reviews_since']} new reviews")


def _queue_retrain_if_due() -> None:
    """After a decision: queue the retraining once it is due, when the decision is saved.

    The beat only re-checks every 15 minutes (and embedded mode has no beat), so waiting
    for it meant "retrains after 20 decisions" had not happened after 21.
    """
    if next_retrain()["due"]:
        enqueue_on_commit("everyvoice.retrain_tagger")


# --- Tagging ------------------------------------------------------------------------------------


def _write_tags(units: Sequence[TextUnit], tagger: Tagger, kinds: dict[str, str]) -> int:
    """Replace the machine's suggestions on these texts; never touch a human decision."""
    if not units:
        return 0
    predictions = tagger.predict_many([u.text for u in units])
    targets = [u.target for u in units]
    existing: dict[tuple[str, str], Tag] = {
        (t.target, t.code): t for t in Tag.objects.filter(target__in=targets)
    }
    to_create: list[Tag] = []
    to_update: list[Tag] = []
    keep: set[tuple[str, str]] = set()
    for unit, suggestions in zip(units, predictions, strict=True):
        for s in suggestions:
            if s.code not in kinds:
                continue  # a code retired since the tagger was trained
            key = (unit.target, s.code)
            keep.add(key)
            tag = existing.get(key)
            if tag is None:
                to_create.append(
                    Tag(
                        target=unit.target,
                        response_id=unit.response_id,
                        answer_id=unit.answer_id,
                        contribution_id=unit.contribution_id,
                        code=s.code,
                        kind=kinds[s.code],
                        confidence=round(s.confidence, 4),
                        evidence=s.evidence[:300],
                        method=s.method,
                        tagger_version=tagger.version,
                    )
                )
            elif not tag.is_human_decision:
                tag.confidence = round(s.confidence, 4)
                tag.evidence = s.evidence[:300]
                tag.method = s.method
                tag.tagger_version = tagger.version
                to_update.append(tag)
    stale = [t.id for key, t in existing.items() if key not in keep and not t.is_human_decision]
    if stale:
        Tag.objects.filter(id__in=stale).delete()
    # ignore_conflicts: a concurrent duplicate delivery may have written the same row first.
    Tag.objects.bulk_create(to_create, ignore_conflicts=True, batch_size=1000)
    Tag.objects.bulk_update(
        to_update, ["confidence", "evidence", "method", "tagger_version", "updated_at"], 1000
    )
    responses_changed.send(Tag, response_ids={u.response_id for u in units if u.response_id})
    return len(to_create) + len(to_update)


@transaction.atomic
def responses_tag(*, response_ids: Iterable[int]) -> int:
    """Tag every free-text answer of these submitted responses, then mark them tagged. A text
    not in English (and not yet translated by a person) is not tagged but recorded for a
    person (``languages.services.units_in_english``)."""
    ids = list(response_ids)
    labels_kinds = taxonomy_labels()[1]
    units = units_in_english(units_for_responses(ids))
    written = _write_tags(units, tagger_current(), labels_kinds)
    Response.objects.filter(id__in=ids, status=ResponseStatus.SUBMITTED).update(
        tagged_at=timezone.now()
    )
    return written


@transaction.atomic
def contributions_tag(*, contribution_ids: Iterable[int]) -> int:
    ids = list(contribution_ids)
    labels_kinds = taxonomy_labels()[1]
    units = units_in_english(units_for_contributions(ids))
    written = _write_tags(units, tagger_current(), labels_kinds)
    Contribution.objects.filter(id__in=ids).update(tagged_at=timezone.now())
    return written


def retag_run_start(*, started_by=None, chunk_size: int = 200) -> tuple[RetagRun, list[list]]:
    """Start re-tagging everything; returns the run and the chunks of work to queue."""
    response_ids = list(
        Response.objects.filter(status=ResponseStatus.SUBMITTED)
        .order_by("id")
        .values_list("id", flat=True)
    )
    contribution_ids = list(Contribution.objects.order_by("id").values_list("id", flat=True))
    run = RetagRun.objects.create(
        total=len(response_ids) + len(contribution_ids), started_by=started_by
    )
    chunks = [
        ["response", response_ids[i : i + chunk_size]]
        for i in range(0, len(response_ids), chunk_size)
    ] + [
        ["contribution", contribution_ids[i : i + chunk_size]]
        for i in range(0, len(contribution_ids), chunk_size)
    ]
    if not chunks:
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
    return run, chunks


def retag_run_advance(*, run_id: int, done: int) -> None:
    """Count finished work; safe under concurrent workers (one UPDATE, no read-modify-write)."""
    from django.db.models import F

    RetagRun.objects.filter(id=run_id).update(done=F("done") + done)
    RetagRun.objects.filter(id=run_id, finished_at__isnull=True, done__gte=F("total")).update(
        finished_at=timezone.now()
    )


# --- Review -------------------------------------------------------------------------------------


def _audit_decisions(user, action: str, tags: Iterable[Tag], detail: str) -> None:
    from cms.audit import audit_record

    for tag in tags:
        audit_record(
            user=user,
            action=action,
            target=f"tag:{tag.pk}",
            detail=f"{tag.target} {tag.code}: {detail}",
        )


@transaction.atomic
def tags_review(*, tag_ids: Iterable[int], decision: str, user) -> list[Tag]:
    """Confirm or reject tags. A person's decision is final for later machine runs, and each
    one is in the audit log so it can be traced and undone.

    Tags on a text with an open safeguarding flag are never confirmed (a confirmed tag makes
    the text a candidate quote in insight); rejecting them is allowed. Returns the tags that
    changed (so the screen can name them); the held ones are left as they were.
    """
    from cms.models import AuditAction

    if decision not in (TagStatus.CONFIRMED, TagStatus.REJECTED):
        raise ValueError(f"unknown decision {decision!r}")
    tags = list(Tag.objects.select_for_update().filter(id__in=list(tag_ids)))
    if decision == TagStatus.CONFIRMED:
        held = held_targets(t.target for t in tags)
        tags = [t for t in tags if t.target not in held]
    tags = [t for t in tags if t.status != decision]
    now = timezone.now()
    for tag in tags:
        _audit_decisions(user, AuditAction.REVIEW_TAGS, [tag], f"{tag.status} -> {decision}")
    Tag.objects.filter(id__in=[t.id for t in tags]).update(
        status=decision, reviewed_by=user, reviewed_at=now
    )
    for tag in tags:  # rows are locked, so the update changed exactly these
        tag.status, tag.reviewed_by, tag.reviewed_at = decision, user, now
    responses_changed.send(Tag, response_ids={t.response_id for t in tags if t.response_id})
    _queue_retrain_if_due()
    return tags


@transaction.atomic
def tag_add(*, target: str, code: str, user) -> Tag:
    """A person adds a tag the machine missed, or confirms one it suggested (which keeps the
    machine's confidence and evidence, so undoing it gives the suggestion back). The review
    screen does not offer it on a text held by safeguarding (see ``tags_review``); insight
    never quotes a held text whatever its tags."""
    from cms.models import AuditAction
    from feedback.models import Answer

    _, kinds = taxonomy_labels()
    if code not in kinds:
        raise ValueError(f"{code!r} is not an active pledge or pathway")
    kind, _, pk = target.partition(":")
    ids: dict[str, int | None] = {"response_id": None, "answer_id": None, "contribution_id": None}
    if kind == "a" and pk.isdigit():
        answer = Answer.objects.only("id", "response_id").get(id=int(pk))
        ids.update(response_id=answer.response_id, answer_id=answer.id)
    elif kind == "c" and pk.isdigit():
        ids.update(contribution_id=Contribution.objects.only("id").get(id=int(pk)).id)
    else:
        raise ValueError(f"unknown target {target!r}")
    now = timezone.now()
    tag = Tag.objects.select_for_update().filter(target=target, code=code).first()
    if tag is not None and tag.status == TagStatus.REJECTED:
        # Adding it back would hide the rejection from "Recent decisions" and its undo.
        raise ValueError(
            "That tag was rejected on this text: undo the rejection under "
            "\u201cRecent decisions\u201d first, then confirm it."
        )
    if tag is not None and tag.method != TagMethod.HUMAN:
        before = tag.status
        tag.status, tag.reviewed_by, tag.reviewed_at = TagStatus.CONFIRMED, user, now
        tag.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
        _audit_decisions(user, AuditAction.REVIEW_TAGS, [tag], f"{before} -> confirmed")
    else:
        tag, _ = Tag.objects.update_or_create(
            target=target,
            code=code,
            defaults={
                **ids,
                "kind": kinds[code],
                "confidence": 1.0,
                "evidence": "added by a person",
                "method": TagMethod.HUMAN,
                "status": TagStatus.CONFIRMED,
                "reviewed_by": user,
                "reviewed_at": now,
            },
        )
        _audit_decisions(user, AuditAction.REVIEW_TAGS, [tag], "added")
    responses_changed.send(Tag, response_ids={tag.response_id} - {None})
    _queue_retrain_if_due()
    return tag


@transaction.atomic
def tag_undo(*, tag_id: int, user) -> str:
    """Undo a person's decision on a tag: a confirmed or rejected suggestion goes back to
    waiting for review, and a tag a person added is removed. Recorded in the audit log.
    Returns what happened ("suggested" or "removed")."""
    from cms.models import AuditAction

    tag = Tag.objects.select_for_update().filter(id=tag_id).first()
    if tag is None or not tag.is_human_decision:
        raise ValueError("There is no decision on that tag to undo.")
    if tag.method == TagMethod.HUMAN:
        _audit_decisions(user, AuditAction.UNDO_TAG, [tag], f"{tag.status} by a person -> removed")
        tag.delete()
        outcome = "removed"
    else:
        _audit_decisions(user, AuditAction.UNDO_TAG, [tag], f"{tag.status} -> suggested")
        tag.status, tag.reviewed_by, tag.reviewed_at = TagStatus.SUGGESTED, None, None
        tag.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
        outcome = "suggested"
    responses_changed.send(Tag, response_ids={tag.response_id} - {None})
    return outcome


# --- Importing a trust's history -----------------------------------------------------------------

MAX_IMPORT_CHARS = 10_000_000  # ~6,000 labelled texts are about 2 MB
MAX_IMPORT_COLUMNS = 50
PROGRESS_EVERY = 250  # rows between progress updates


def import_job_create(*, kind: str, filename: str, source: str, user) -> ImportJob:
    """Save the upload, then queue the import once it is committed (cms/jobs.py)."""
    from cms.jobs import enqueue_on_commit

    if kind not in ImportKind.values:
        raise ValueError(f"unknown import kind {kind!r}")
    job = ImportJob.objects.create(
        kind=kind, filename=filename[:200], source=source, created_by=user
    )
    enqueue_on_commit("everyvoice.import_history", job.pk)
    return job


def _progress(job: ImportJob, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**fields)


def _history_rows(source: str, job: ImportJob) -> list[tuple[int, str, list[str]]]:
    """Parse ``text,codes`` rows; a bad row is reported by its line and skipped."""
    import csv
    import io

    errors: list[dict] = []
    rows: list[tuple[int, str, list[str]]] = []
    if "\x00" in source:
        job.errors = [{"line": 0, "message": "The file holds NUL bytes: it is not a CSV file."}]
        return []
    reader = csv.reader(io.StringIO(source))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error as exc:
        job.errors = [{"line": 1, "message": f"The header cannot be read ({exc})."}]
        return []
    if "text" not in header or "codes" not in header or len(header) > MAX_IMPORT_COLUMNS:
        job.errors = [{"line": 1, "message": "The first line must name the columns text,codes."}]
        return []
    t, c = header.index("text"), header.index("codes")
    known = set(taxonomy_labels()[1])
    line = 1
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                errors.append({"line": line, "message": f"expected {len(header)} columns"})
                continue
            text = record[t].strip()
            codes = [code.strip() for code in record[c].split(";") if code.strip()]
            unknown = [code for code in codes if code not in known]
            if not text:
                errors.append({"line": line, "message": "the text is empty"})
            elif unknown:
                errors.append(
                    {
                        "line": line,
                        "message": f"{', '.join(unknown)} is not in the taxonomy "
                        "(import the framework first, or fix the code)",
                    }
                )
            else:
                rows.append((line, text, codes))
    except csv.Error as exc:
        errors.append({"line": line + 1, "message": f"cannot be read ({exc}); the rest skipped"})
    job.errors = errors
    return rows


def import_job_run(*, job_id: int) -> ImportJob | None:
    """Import one saved upload, then retrain. Idempotent: a finished job is left alone and a
    redelivered one starts again from its saved file (its earlier rows replaced)."""
    from cms.services import taxonomy_import_csv

    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.status in (ImportStatus.DONE, ImportStatus.FAILED):
        return job
    _progress(job, status=ImportStatus.RUNNING, done=0, errors=[])
    if job.kind == ImportKind.FRAMEWORK:
        result = taxonomy_import_csv(source=job.source, user=job.created_by)
        changed = len(result.created) + len(result.updated)
        errors = [
            {"line": e.line, "message": f"{e.code} {e.message}".strip()} for e in result.errors
        ]
        total = changed + len(result.unchanged) + len(errors)
        _progress(job, total=total, done=total, imported=changed, errors=errors)
    else:
        rows = _history_rows(job.source, job)
        _progress(job, total=len(rows), errors=job.errors)
        with transaction.atomic():
            HistoryExample.objects.filter(job=job).delete()
            for start in range(0, len(rows), PROGRESS_EVERY):
                batch = rows[start : start + PROGRESS_EVERY]
                HistoryExample.objects.bulk_create(
                    HistoryExample(job=job, line=line, text=text, codes=codes)
                    for line, text, codes in batch
                )
                _progress(job, done=start + len(batch))
        _progress(job, imported=len(rows))
    if not job.imported:
        _progress(
            job,
            status=ImportStatus.FAILED,
            finished_at=timezone.now(),
            source="",
            message="Nothing was imported: see the rows below.",
        )
        return job
    _progress(job, status=ImportStatus.TRAINING)
    version = tagger_train(reason=f"{job.get_kind_display().split(' (')[0]} import {job.pk}")
    _progress(
        job,
        status=ImportStatus.DONE,
        finished_at=timezone.now(),
        source="",
        message=f"Retrained: version {version.version}.",
    )
    return job


@transaction.atomic
def tags_declare(*, answer_ids: Iterable[int], code: str, evidence: str) -> int:
    """Tag answers with what the person said they are about: an answer to "tell us about this
    step" of a draft pathway is about that pathway, whatever words it uses. Confirmed (a
    decision, so tagging jobs keep it), by rule, with no reviewer. Idempotent."""
    _, kinds = taxonomy_labels()
    if code not in kinds:
        raise ValueError(f"{code!r} is not an active pledge or pathway")
    from feedback.models import Answer

    answers = list(Answer.objects.filter(id__in=list(answer_ids)).values_list("id", "response_id"))
    for answer_id, response_id in answers:
        Tag.objects.update_or_create(
            target=f"a:{answer_id}",
            code=code,
            defaults={
                "answer_id": answer_id,
                "response_id": response_id,
                "kind": kinds[code],
                "confidence": 1.0,
                "evidence": evidence,
                "method": TagMethod.RULES,
                "status": TagStatus.CONFIRMED,
            },
        )
    if answers:
        responses_changed.send(Tag, response_ids={r for _, r in answers})
    return len(answers)


# --- Emerging themes -----------------------------------------------------------------------------

# A text "fits" a tag when the tagger suggests one with at least this confidence; the rest
# (no suggestion, or only unsure ones) are what emerging themes are looked for in.
THEME_FIT = 0.5
# Answers and contributions one run reads (the newest of each); the engine is linear in them.
MAX_THEME_TEXTS = 20_000
MAX_CANDIDATES = 20
# Share of the unfitted texts above which a phrase is too common to define a theme. The
# engine's 0.1 suits a whole corpus; these texts are already what no tag covers, so a new
# theme may be a large part of them.
THEME_MAX_SHARE = 0.5
THEME_PROGRESS_EVERY = 500


def theme_run_create(*, user, consultation=None, date_from=None, date_to=None):
    """Save the run, then queue its job once the row is committed (cms/jobs.py)."""
    from .models import ThemeRun

    run = ThemeRun.objects.create(
        consultation=consultation, date_from=date_from, date_to=date_to, created_by=user
    )
    _audit_theme(user, "edit_themes", run, "started a search for emerging themes")
    enqueue_on_commit("everyvoice.discover_themes", run.pk)
    return run


def _audit_theme(user, action: str, run, detail: str) -> None:
    from cms.audit import audit_record

    audit_record(user=user, action=action, target=f"theme_run:{run.pk}", detail=detail)


def _theme_scope_units(run) -> tuple[list[TextUnit], int]:
    """The texts a run looks at (newest first), and how many were left out as held by
    safeguarding (a held disclosure is never grouped, so never shown as a quote)."""
    from feedback.models import Answer
    from feedback.selectors import survey_ids  # the one list of a consultation's surveys
    from feedback.targets import answer_target, contribution_target

    answers = Answer.objects.filter(response__status=ResponseStatus.SUBMITTED).exclude(text="")
    contributions = Contribution.objects.exclude(text="")
    if run.consultation_id:
        answers = answers.filter(response__survey_id__in=survey_ids(run.consultation_id))
        contributions = contributions.filter(session__consultation_id=run.consultation_id)
    if run.date_from:
        answers = answers.filter(response__submitted_at__date__gte=run.date_from)
        contributions = contributions.filter(session__held_on__gte=run.date_from)
    if run.date_to:
        answers = answers.filter(response__submitted_at__date__lte=run.date_to)
        contributions = contributions.filter(session__held_on__lte=run.date_to)
    free_answers = uncontained(answers, via="pk")
    free_contributions = uncontained(contributions, via="pk")
    held = (answers.count() - free_answers.count()) + (
        contributions.count() - free_contributions.count()
    )
    units = [
        TextUnit(target=answer_target(aid), text=text, response_id=rid, answer_id=aid)
        for aid, rid, text in free_answers.order_by("-id").values_list(
            "id", "response_id", "text"
        )[:MAX_THEME_TEXTS]
    ] + [
        TextUnit(target=contribution_target(cid), text=text, contribution_id=cid)
        for cid, text in free_contributions.order_by("-id").values_list("id", "text")[
            :MAX_THEME_TEXTS
        ]
    ]
    # A text a person has already given a tag fits that tag, whatever the machine thinks.
    decided = set(
        Tag.objects.filter(
            target__in=[u.target for u in units], status=TagStatus.CONFIRMED
        ).values_list("target", flat=True)
    )
    return [u for u in units if u.target not in decided], held


def theme_run_execute(*, run_id: int):
    """Find the texts no tag fits well and group them into candidate themes.

    Idempotent: a finished run is left alone, and a redelivered one starts again (its
    earlier candidates replaced)."""
    from .models import CandidateTheme, ThemeRun, ThemeRunStatus
    from .tagging.themes import discover_themes

    run = ThemeRun.objects.filter(pk=run_id).first()
    if run is None or run.status in (ThemeRunStatus.DONE, ThemeRunStatus.FAILED):
        return run

    def progress(**fields) -> None:
        for name, value in fields.items():
            setattr(run, name, value)
        ThemeRun.objects.filter(pk=run.pk).update(**fields)

    progress(status=ThemeRunStatus.RUNNING, done=0)
    CandidateTheme.objects.filter(run=run).delete()
    units, held = _theme_scope_units(run)
    tagger = tagger_current()
    progress(total=len(units), held=held, tagger_version=tagger.version)
    unfit: list[TextUnit] = []
    for start in range(0, len(units), THEME_PROGRESS_EVERY):
        batch = units[start : start + THEME_PROGRESS_EVERY]
        for unit, suggestions in zip(
            batch, tagger.predict_many([u.text[:MAX_TEXT] for u in batch]), strict=True
        ):
            if max((s.confidence for s in suggestions), default=0.0) < THEME_FIT:
                unfit.append(unit)
        progress(done=start + len(batch))
    themes = discover_themes(
        [u.text[:MAX_TEXT] for u in unfit],
        max_themes=MAX_CANDIDATES,
        max_share=THEME_MAX_SHARE,
    )
    CandidateTheme.objects.bulk_create(
        CandidateTheme(
            run=run,
            name=theme.name[:120],
            key_phrases=list(theme.key_phrases),
            members=[unfit[i].target for i in theme.members],
        )
        for theme in themes
    )
    progress(
        status=ThemeRunStatus.DONE,
        unfit=len(unfit),
        finished_at=timezone.now(),
        message=f"{len(themes)} candidate theme{'s' if len(themes) != 1 else ''} "
        f"in {len(unfit)} text{'s' if len(unfit) != 1 else ''} no tag fits well.",
    )
    return run


def _open_candidate(candidate_id: int):
    from .models import CandidateStatus, CandidateTheme

    candidate = (
        CandidateTheme.objects.select_for_update()
        .select_related("run")
        .filter(pk=candidate_id)
        .first()
    )
    if candidate is None:
        raise ValueError("That candidate theme no longer exists.")
    if candidate.status != CandidateStatus.OPEN:
        raise ValueError(
            f"\u201c{candidate.name}\u201d is already promoted: edit it in the taxonomy."
        )
    return candidate


@transaction.atomic
def candidate_rename(*, candidate_id: int, name: str, user):
    name = " ".join(name.split())[:120]
    if not name:
        raise ValueError("Enter a name for the theme.")
    candidate = _open_candidate(candidate_id)
    before, candidate.name = candidate.name, name
    candidate.save(update_fields=["name", "updated_at"])
    _audit_theme(user, "edit_themes", candidate.run, f"renamed {candidate.pk}: {before} -> {name}")
    return candidate


@transaction.atomic
def candidate_merge(*, candidate_id: int, other_id: int, user):
    """Join ``other`` into ``candidate``: their texts (each once) and phrases; ``other`` goes."""
    if candidate_id == other_id:
        raise ValueError("Choose a different theme to merge with.")
    candidate = _open_candidate(candidate_id)
    other = _open_candidate(other_id)
    if other.run_id != candidate.run_id:
        raise ValueError("Only themes found by the same search can be merged.")
    candidate.members = list(dict.fromkeys([*candidate.members, *other.members]))
    candidate.key_phrases = list(dict.fromkeys([*candidate.key_phrases, *other.key_phrases]))
    candidate.save(update_fields=["members", "key_phrases", "updated_at"])
    _audit_theme(
        user,
        "edit_themes",
        candidate.run,
        f"merged {other.pk} ({other.name}) into {candidate.pk} ({candidate.name})",
    )
    other.delete()
    return candidate


@transaction.atomic
def candidate_split(*, candidate_id: int, user):
    """Re-group one candidate's texts into two (engine ``split_theme``); returns both."""
    from .models import CandidateTheme
    from .tagging.themes import split_theme

    candidate = _open_candidate(candidate_id)
    texts = texts_for_targets(candidate.members)
    members = [t for t in candidate.members if t in texts]
    halves = split_theme([texts[t][:MAX_TEXT] for t in members])
    if halves is None:
        raise ValueError(
            f"The texts of \u201c{candidate.name}\u201d do not fall into two groups: nothing "
            "was changed."
        )
    first, second = halves
    candidate.name = first.name[:120]
    candidate.key_phrases = list(first.key_phrases)
    candidate.members = [members[i] for i in first.members]
    candidate.save(update_fields=["name", "key_phrases", "members", "updated_at"])
    new = CandidateTheme.objects.create(
        run=candidate.run,
        name=second.name[:120],
        key_phrases=list(second.key_phrases),
        members=[members[i] for i in second.members],
    )
    _audit_theme(
        user,
        "edit_themes",
        candidate.run,
        f"split {candidate.pk} into {candidate.pk} ({len(candidate.members)}) "
        f"and {new.pk} ({len(new.members)})",
    )
    return candidate, new


@transaction.atomic
def candidate_promote(
    *, candidate_id: int, code: str, name: str, description: str, keywords: Sequence[str], user
):
    """Make a candidate a theme in the taxonomy, its texts reviewed examples of it, and queue
    retraining (and re-tagging everything, as after any taxonomy change) once committed.

    Texts held by safeguarding are never confirmed (see ``tags_review``); they are left out.
    Returns the new ``cms.Theme`` and how many texts became examples."""
    from cms.models import AuditAction, Theme, code_in_use
    from feedback.models import Answer
    from feedback.targets import ANSWER, CONTRIBUTION, target_parse

    from .models import CandidateStatus

    candidate = _open_candidate(candidate_id)
    taken = code_in_use(code)
    if taken:
        raise ValueError(f"A {taken} already uses the code \u2018{code}\u2019: choose another.")
    theme = Theme(
        code=code,
        name=name,
        description=description,
        keywords="\n".join(k.strip() for k in keywords if k.strip()),
    )
    theme.full_clean()
    theme.save()
    theme.save_revision(user=user, clean=False)
    held = held_targets(candidate.members)
    parsed = {t: target_parse(t) for t in candidate.members if t not in held}
    answer_ids = [p.pk for p in parsed.values() if p and p.kind == ANSWER]
    responses = dict(Answer.objects.filter(id__in=answer_ids).values_list("id", "response_id"))
    contributions = set(
        Contribution.objects.filter(
            id__in=[p.pk for p in parsed.values() if p and p.kind == CONTRIBUTION]
        ).values_list("id", flat=True)
    )
    now = timezone.now()
    examples = []
    for target, p in parsed.items():
        if p is None:
            continue
        if p.kind == ANSWER and p.pk in responses:
            ids = {"answer_id": p.pk, "response_id": responses[p.pk], "contribution_id": None}
        elif p.kind == CONTRIBUTION and p.pk in contributions:
            ids = {"answer_id": None, "response_id": None, "contribution_id": p.pk}
        else:
            continue  # the text was deleted since the search (withdrawn, retention)
        tag, _ = Tag.objects.update_or_create(
            target=target,
            code=code,
            defaults={
                **ids,
                "kind": Theme.KIND,
                "confidence": 1.0,
                "evidence": f"promoted from emerging theme \u201c{candidate.name}\u201d"[:300],
                "method": TagMethod.HUMAN,
                "status": TagStatus.CONFIRMED,
                "reviewed_by": user,
                "reviewed_at": now,
            },
        )
        examples.append(tag)
    _audit_decisions(user, AuditAction.REVIEW_TAGS, examples, "added (promoted theme)")
    candidate.status, candidate.promoted_code = CandidateStatus.PROMOTED, code
    candidate.save(update_fields=["status", "promoted_code", "updated_at"])
    _audit_theme(
        user,
        AuditAction.PROMOTE_THEME,
        candidate.run,
        f"promoted {candidate.pk} as theme {code}: {len(examples)} examples, {len(held)} held",
    )
    responses_changed.send(Tag, response_ids={t.response_id for t in examples} - {None})
    enqueue_on_commit("everyvoice.retag_all", user.pk)
    return theme, len(examples)
