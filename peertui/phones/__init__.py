"""Phones in the room (issue #19): participants write their own statements on their own phones,
over the room's network, end-to-end encrypted, into the facilitator's store.

Importing this package imports nothing heavy and opens nothing: the console imports
``peertui.phones.server`` (aiohttp, PyNaCl) only when the facilitator turns phones on.
``addresses`` lists this machine's IPv4 addresses, ``protocol`` is the pairing and the
encrypted messages, ``server`` the ``PhoneServer``. The design and its limits: docs/phones.md.
"""
