"""Insight and closing the loop (issue 6).

- ``selectors``: themed evidence per pledge and pathway, aggregated in the database.
- ``counts`` / ``signals``: the pre-aggregated response counts (``InsightCount``) and what
  keeps them equal to a live count (stale months read live until rebuilt).
- ``suppression``: the one small-number rule for everything collaboratives see.
- ``access``: who sees which pledges and pathways, exact or suppressed, raw or not.
- ``views`` / ``urls``: /insight/ (staff and panel members, behind TOTP), /follow/ (anyone).
- ``api``: the read-only JSON API at /api/v1/ (token auth, OpenAPI at /api/v1/openapi.json).
- ``exports``: CSV and XLSX; big ones run as the ``everyvoice.export_insight`` job.
- ``models``: outcomes ("you said, we did"), representation targets, API tokens, export jobs.
- ``wagtail_hooks``: outcomes shown on cms's YouSaidWeDidPage through its sections hook.
- ``demo``: demo answers, an outcome and its results page, on ``cms.demo.demo_loaded``.

Dependencies point one way: insight -> tasks, feedback, cms, easyread.
"""
