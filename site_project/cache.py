"""Django's Redis cache, failing open.

The cache holds nothing that cannot be rebuilt (page data, Wagtail's renditions and site
paths, rate-limit counts), so when Redis is down or does not answer the site carries on as
if the cache were empty: pages render, forms save, rate limits are not applied. Each wait
is bounded by the socket timeout in OPTIONS (REDIS_SOCKET_TIMEOUT). After a failure this
process leaves Redis alone for REDIS_RETRY_SECONDS, logging one warning, so a page does not
wait once per cache call; this is a health note, not data, so other processes need not see it.
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
# Per process and server: monotonic time before which Redis is not tried again.
_resting_until = {}


def _empty_get(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _missing_key(args, kwargs):
    raise ValueError(f"Key {args[0]!r} not found (the cache is unavailable)")


# What an empty cache answers to each call.
FALLBACKS = {
    "add": lambda args, kwargs: False,
    "get": _empty_get,
    "set": lambda args, kwargs: None,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "incr": _missing_key,
    "set_many": lambda args, kwargs: [],
    "delete_many": lambda args, kwargs: None,
    "clear": lambda args, kwargs: False,
}


def _fail_open(name):
    fallback = FALLBACKS[name]

    def method(self, *args, **kwargs):
        if time.monotonic() < _resting_until.get(self._servers[0], 0):
            return fallback(args, kwargs)
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except RedisError as error:
            _resting_until[self._servers[0]] = time.monotonic() + settings.REDIS_RETRY_SECONDS
            logger.warning(
                "Redis cache unavailable (%s: %s); carrying on without it for %s s: pages are "
                "rendered afresh and rate limits are not applied.",
                type(error).__name__,
                error,
                settings.REDIS_RETRY_SECONDS,
            )
            return fallback(args, kwargs)

    method.__name__ = name
    return method


class FailOpenRedisCache(RedisCache):
    """RedisCache whose every call answers like an empty cache when Redis fails."""

    add = _fail_open("add")
    get = _fail_open("get")
    set = _fail_open("set")
    touch = _fail_open("touch")
    delete = _fail_open("delete")
    get_many = _fail_open("get_many")
    has_key = _fail_open("has_key")
    incr = _fail_open("incr")
    set_many = _fail_open("set_many")
    delete_many = _fail_open("delete_many")
    clear = _fail_open("clear")
