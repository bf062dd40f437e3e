from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from insight.api import api as insight_api
from tasks import ops

from . import views

urlpatterns = [
    path("healthz", ops.healthz, name="healthz"),
    # One way in for staff: allauth's sign-in, which asks for the TOTP code.
    path("admin/login/", views.to_account_login),
    path("django-admin/login/", views.to_account_login),
    # Wagtail's password-only form for private pages would also skip TOTP.
    path("_util/login/", views.to_account_login),
    path("readyz", ops.readyz, name="readyz"),
    # nginx shows this when it refuses an over-size body (deploy/nginx.conf).
    path("request-too-big/", views.request_too_big, name="request_too_big"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/password/set/", views.password_set, name="account_set_password"),
    path("accounts/", include("allauth.urls")),
    path("insight/", include("insight.urls")),
    path("follow/", include("insight.follow_urls")),
    path("involvement/", include("involvement.urls")),
    path("check/", include("panel.urls")),
    path("api/v1/", insight_api.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public site in each language: "/gu/...", "/ur/..."; English keeps its unprefixed URLs.
urlpatterns += i18n_patterns(
    path("", include("feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
