"""A page showing a visitor their own pending comment is theirs alone: no shared cache
(page cache, CDN, proxy) may keep it for the next visitor."""


def private_comment_preview(get_response):
    def middleware(request):
        response = get_response(request)
        if "comment" in request.GET:
            response["Cache-Control"] = "private, no-store"
        return response

    return middleware
