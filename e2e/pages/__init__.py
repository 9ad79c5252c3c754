"""Page objects: what a reader or an editor does, in their words, over Playwright locators."""
