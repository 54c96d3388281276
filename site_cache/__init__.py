"""What every public page looks up and editors rarely change, kept in the shared cache: the
Site that answers a host name (with its home page's type) and the site settings
(Organization, Comments). Each save or delete clears its entry. With the local-memory
cache, other processes hold an entry until SITE_CACHE_SECONDS pass; with Redis, never."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail.images import get_image_model
from wagtail.models import Site

SITE_CACHE_SECONDS = 300
SITES_KEY = "site-cache:sites"
MAX_HOSTS = 50  # host names remembered; an open ALLOWED_HOSTS must not grow the entry


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
    sites = cache.get(SITES_KEY) or {}
    if host not in sites:
        site = Site._find_for_request(request)
        if site is None or len(sites) >= MAX_HOSTS:
            return
        fields = {field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}
        sites[host] = (fields, site.root_page.content_type_id)
        cache.set(SITES_KEY, sites, SITE_CACHE_SECONDS)
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
        instance = cache.get(cls.cache_key(site.pk)) if site is not None else None
        if instance is None:
            instance = super().for_site(site)
            instance._state.fields_cache.pop("site", None)  # not the Site and its home page
            cache.set(cls.cache_key(site.pk), instance, SITE_CACHE_SECONDS)
        return instance


def forget_sites(**kwargs):
    cache.delete(SITES_KEY)


def forget_setting(sender, instance, **kwargs):
    if isinstance(instance, CachedSiteSetting):
        cache.delete(sender.cache_key(instance.site_id))


def forget_all_settings(**kwargs):
    """An image (a logo) changed: cached settings may hold the old one."""
    keys = [
        model.cache_key(site_id)
        for model in CachedSiteSetting.__subclasses__()
        for site_id in Site.objects.values_list("pk", flat=True)
    ]
    cache.delete_many(keys)


def connect():
    """Called from the ready() of the apps whose settings are kept here."""
    for signal in (post_save, post_delete):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"site-cache-sites-{signal}")
        signal.connect(forget_setting, dispatch_uid=f"site-cache-setting-{signal}")
        signal.connect(
            forget_all_settings, sender=get_image_model(), dispatch_uid=f"site-cache-images-{signal}"
        )
