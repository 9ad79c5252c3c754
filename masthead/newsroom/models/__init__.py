from .corrections import ArticleCorrection
from .pages import ArticleAuthor, ArticlePage, ArticleUpdate, HomePage, PlainPage, SectionPage
from .taxonomy import ArticleType, Author, Topic

__all__ = [
    "ArticleAuthor",
    "ArticleCorrection",
    "ArticlePage",
    "ArticleType",
    "ArticleUpdate",
    "Author",
    "HomePage",
    "PlainPage",
    "SectionPage",
    "Topic",
]
