"""Modal dialogs: forms, pickers, confirmations."""
