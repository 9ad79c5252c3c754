# Varnish in front of Masthead (Debian's varnish 7.x).
#
# Caches what the app marks public (pages and feeds carry X-Cache-Tags and Cache-Control with
# s-maxage); passes the admin, previews, forms, search and anything with a session straight
# through; takes PURGE (one URL) and BAN (cache tags) from the app's addresses only; serves
# stale pages for up to a day while every app server is down; keeps pages and feeds gzipped.
#
# The backends and the `purgers` ACL live in site.vcl next to this file (see site.vcl.example).
vcl 4.1;

import std;

include "site.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();
    unset req.http.X-Cache-Tags;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed"));
        }
        if (req.http.X-Ban-Tags !~ "^[a-z0-9: ]+$") {
            return (synth(400, "X-Ban-Tags: space-separated tags"));
        }
        # Responses carry X-Cache-Tags: |site|p12|list:region:3| ; ban any that has one of them.
        ban("obj.http.X-Cache-Tags ~ \|(" + regsuball(req.http.X-Ban-Tags, " +", "|") + ")\|");
        return (synth(200, "Banned"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)") {
        return (pass);
    }
    # An editor's or a reader's own session (login, messages): never a shared copy.
    if (req.http.Cookie) {
        if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
            return (pass);
        }
        # Any other cookie (analytics, the CSRF token) would split the cache and means nothing.
        unset req.http.Cookie;
    }

    # Where a reader came from does not change the page: one copy for all.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*", "\1");
        set req.url = regsuball(req.url, "([?&])&+", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    # While an app server answers, serve at most a minute-old copy while fetching a new one;
    # when none does, anything up to a day old beats an error page.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    unset beresp.http.Set-Cookie;
    set beresp.grace = 24h;
    # Pages and feeds are stored compressed, once: every browser and feed reader asks for gzip
    # and gets these bytes as they are (a front page of 92 KB goes out as about 15 KB); a client
    # that does not ask gets them unpacked. Static files come compressed already (whitenoise).
    if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~
            "^(text/|application/(rss\+xml|atom\+xml|feed\+json|json|xml))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Cache-Tags;
    unset resp.http.Via;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
