"""What every public page looks up and editors rarely change, kept in the cache every app
process shares (SHARED_CACHE: Redis, or a file cache on one machine): the Site that answers
a host name (with its home page's type) and the site settings (Organization, Comments).
Each save or delete clears its entry for every process at once, before the page cache's new
generation is rendered, so no process renders a fresh page with an old setting."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail.images import get_image_model
from wagtail.models import Site

SITE_CACHE_SECONDS = 300  # only bounds what a lost deletion (Redis down then) can cost
SITES_KEY = "site-cache:sites"
MAX_HOSTS = 50  # host names remembered; an open ALLOWED_HOSTS must not grow the entry


def _store():
    return caches[settings.SHARED_CACHE]


def site_middleware(get_response):
    skipped = (settings.ADMIN_URL_PREFIX, settings.STATIC_URL, settings.MEDIA_URL)

    """Hands Wagtail the request's Site and its home page (as its specific class, with what
    its template reads), saving the Site query and the home page's second query."""

    def middleware(request):
        if not request.path_info.startswith(skipped):
            remember_site(request)
        return get_response(request)

    return middleware


def remember_site(request):
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    sites = _store().get(SITES_KEY) or {}
    if host not in sites:
        site = Site._find_for_request(request)
        if site is None or len(sites) >= MAX_HOSTS:
            return
        fields = {field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}
        sites[host] = (fields, site.root_page.content_type_id)
        _store().set(SITES_KEY, sites, SITE_CACHE_SECONDS)
    fields, content_type_id = sites[host]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return
    site = Site(**fields)
    site._state.adding = False
    related = getattr(model, "route_select_related", ())
    site.root_page = model.objects.select_related(*related).filter(pk=site.root_page_id).first()
    if site.root_page is not None:
        request._wagtail_site = site


class CachedSiteSetting:
    """Mixin for a BaseSiteSetting: `for_site` reads the cache first. Instances keep what
    the setting's `select_related` fetched (an Organization's logo image)."""

    @classmethod
    def cache_key(cls, site_id):
        return f"site-cache:{cls._meta.label_lower}:{site_id}"

    @classmethod
    def for_site(cls, site):
        instance = _store().get(cls.cache_key(site.pk)) if site is not None else None
        if instance is None:
            instance = super().for_site(site)
            instance._state.fields_cache.pop("site", None)  # not the Site and its home page
            _store().set(cls.cache_key(site.pk), instance, SITE_CACHE_SECONDS)
        return instance


def _forget(*keys):
    """Now, and again once the transaction commits: a process that read the old row in
    between must not keep it for the page cache's next generation."""
    _store().delete_many(keys)
    transaction.on_commit(lambda: _store().delete_many(keys))


def forget_sites(**kwargs):
    _forget(SITES_KEY)


def forget_setting(sender, instance, **kwargs):
    if isinstance(instance, CachedSiteSetting):
        _forget(sender.cache_key(instance.site_id))


def forget_all_settings(**kwargs):
    """An image (a logo) changed: cached settings may hold the old one."""
    _forget(
        *(
            model.cache_key(site_id)
            for model in CachedSiteSetting.__subclasses__()
            for site_id in Site.objects.values_list("pk", flat=True)
        )
    )


def connect():
    """Called from the ready() of the apps whose settings are kept here."""
    for signal in (post_save, post_delete):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"site-cache-sites-{signal}")
        signal.connect(forget_setting, dispatch_uid=f"site-cache-setting-{signal}")
        signal.connect(
            forget_all_settings, sender=get_image_model(), dispatch_uid=f"site-cache-images-{signal}"
        )
