"""Allow ``python -m workbench``."""

from workbench.main import main

main()
