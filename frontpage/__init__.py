"""The site-wide pages that belong to no one app: the home page, /sitemap.xml (every app's
sections) and /robots.txt."""
