vcl 4.1;

# Varnish in front of the app servers (gunicorn). The app marks what may be shared:
# public pages send Cache-Control: public, max-age=0, s-maxage=CDN_CACHE_SECONDS, anything
# private sends private/no-store and is passed through. Wagtail's frontend cache sends
# PURGE <path> for each changed page, listing and feed (FRONTEND_CACHE_PURGE_URL).

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # The path with any query string (?page=2 of a listing), whatever the Host.
        ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (a session), the admin, review links and a visitor's own ?comment= link are
    # never shared; the app marks them private too.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.url ~ "^/(admin|review)/" || req.url ~ "[?&]comment=") {
        return (pass);
    }
    # Public pages are the same for every anonymous visitor: their cookies play no part.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Kept on the object so that bans by URL can be checked in the background.
    set beresp.http.x-url = bereq.url;
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
