"""One module per screen; the main window stacks them."""
