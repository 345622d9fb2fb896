# The scale-out drill's shared cache in front of haproxy (scripts/drill.sh writes the
# backend's port and the admin's path in place of @BACKEND_PORT@ and @ADMIN_PATH@; the
# test tests/project/test_varnish.py does the same with its own server).
#
# - Readers' pages are cached for their Cache-Control max-age and kept in grace (served
#   stale while one fetch refreshes them) for their stale-while-revalidate, and while the
#   app fails, for stale-if-error.
# - The app sends `PURGE` with an `xkey` header listing surrogate keys after each commit
#   (PURGE_URLS): every page carrying one of them is soft-purged (vmod-xkey), so the next
#   reader gets a fresh page while the others may get the stale one meanwhile.
# - Logged-in staff, the admin and the citation desk (the basket's own pages) pass through.
vcl 4.1;

import std;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "@BACKEND_PORT@";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purges come from the app servers only."));
        }
        if (!req.http.xkey) {
            return (synth(400, "A purge names its surrogate keys in an xkey header."));
        }
        set req.http.x-purged = xkey.softpurge(req.http.xkey);
        return (synth(200, "Purged " + req.http.x-purged + " objects."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/@ADMIN_PATH@" || req.url ~ "^/cite/" || req.url ~ "^/desk/"
        || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Readers' pages are the same for everyone: no cookie reaches the app for them.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # The app fails: keep serving the copy in grace (stale-if-error).
        return (abandon);
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=") {
        set beresp.keep = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1s"), 0s);
    }
    if (beresp.ttl <= 0s && beresp.http.Cache-Control ~ "public"
        && beresp.http.Cache-Control ~ "stale-while-revalidate=" && !beresp.http.Set-Cookie) {
        # A stale copy (max-age=0: the app is rendering its successor): keep it a moment
        # and in grace, rather than the built-in "hit-for-miss" that sends every reader
        # to the app for two minutes.
        set beresp.ttl = 1s;
        return (deliver);
    }
    # beresp.ttl comes from max-age, beresp.grace from stale-while-revalidate (Varnish
    # reads both); private, no-store and Set-Cookie responses are never stored.
}

sub vcl_deliver {
    if (obj.hits > 0 && obj.ttl <= 0s) {
        # A copy in grace (stale, or soft-purged): a fresh one is being fetched.
        set resp.http.X-Cache = "grace";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
