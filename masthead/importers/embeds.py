"""Embeds: which players Masthead shows (YouTube and Vimeo), and which services a URL is from.

A body may show a video only from an allowed player; a post from another service (X, Instagram,
TikTok…) is kept as a link, and the service is named in the problem an editor reads.
"""

import re
from urllib.parse import parse_qs, urlsplit

from masthead.importers.sanitise import bare_host

SOCIAL_HOSTS = {
    "twitter.com": "X (Twitter)", "x.com": "X (Twitter)", "instagram.com": "Instagram",
    "facebook.com": "Facebook", "fb.watch": "Facebook", "tiktok.com": "TikTok",
    "spotify.com": "Spotify", "soundcloud.com": "SoundCloud", "flickr.com": "Flickr",
    "reddit.com": "Reddit", "tumblr.com": "Tumblr", "threads.net": "Threads",
    "bsky.app": "Bluesky", "mastodon.social": "Mastodon", "dailymotion.com": "Dailymotion",
    "imgur.com": "Imgur", "scribd.com": "Scribd", "issuu.com": "Issuu",
    "datawrapper.de": "Datawrapper", "google.com": "Google", "t.me": "Telegram",
}  # fmt: skip
YOUTUBE_ID = re.compile(r"[\w-]{11}")


def embed_url(url: str) -> str | None:
    """The canonical URL of a YouTube or Vimeo video (the players the site allows), else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = bare_host(url.strip()).removeprefix("m.")
    path = [piece for piece in parts.path.split("/") if piece]
    video = ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path[:1] == ["watch"]:
            video = parse_qs(parts.query).get("v", [""])[0]
        elif len(path) >= 2 and path[0] in ("embed", "shorts", "live", "v"):
            video = path[1]
    elif host == "youtu.be" and path:
        video = path[0]
    if video:
        return f"https://www.youtube.com/watch?v={video}" if YOUTUBE_ID.fullmatch(video) else None
    if host == "vimeo.com" and path and path[-1].isdigit():
        return f"https://vimeo.com/{path[-1]}"
    if host == "vimeo.com" and len(path) >= 2 and path[-2].isdigit():  # an unlisted video
        return f"https://vimeo.com/{path[-2]}/{path[-1]}"
    if host == "player.vimeo.com" and len(path) >= 2 and path[0] == "video" and path[1].isdigit():
        return f"https://vimeo.com/{path[1]}"
    return None


def social_service(url: str) -> str | None:
    """The name of the service a URL is from (X, Instagram, Spotify…), if it is a known one."""
    host = bare_host(url)
    for known, name in SOCIAL_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    return None
