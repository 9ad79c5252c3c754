"""Attack tests' material: payload corpora, what stores them, and how a browser tells they ran."""
