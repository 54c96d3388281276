"""Stamps each HTML page with a form token signed as it is served.

Forms render TOKEN_PLACEHOLDER where their fill-time token goes, so a page kept in the page
cache holds no timestamp; this middleware sits above the page cache and replaces the
placeholder in every HTML response, cached or freshly rendered, with the time of serving.
The minimum fill time is then measured from when this visitor got the page.
"""

from .defences import TOKEN_PLACEHOLDER, issue_token

_PLACEHOLDER = TOKEN_PLACEHOLDER.encode()


def stamp_form_tokens(get_response):
    def middleware(request):
        response = get_response(request)
        if not response.streaming and response.get("Content-Type", "").startswith("text/html"):
            stamped = response.content.replace(_PLACEHOLDER, issue_token().encode())
            if stamped is not response.content:  # bytes.replace gives the same object when none
                response.content = stamped
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(stamped))
        return response

    return middleware
