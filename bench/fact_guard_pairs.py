"""Emails and edits for bench/fact_guard_eval.py (English and French).

Each base is an email as a user might have typed it, typos included. An edit
(kind, old, new) replaces the first "old" of the base by "new": the base is
the original, the edited text is the suggestion; a "typo" edit works the
other way round (the original has the typo, the suggestion is the base). Planted edits change one
fact (their kind is the fact's kind); honest edits are what a good proofread
or light rewrite does (spelling, grammar, punctuation, capitalising a name,
reformatting an amount or a time, moving a phrase) and keep every fact.

Written by hand for the evaluation; nothing in composer/ reads this file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Edit = tuple[str, str, str]  # kind, old fragment, new fragment


@dataclass(frozen=True)
class Base:
    language: str
    text: str
    planted: list[Edit] = field(default_factory=list)
    honest: list[Edit] = field(default_factory=list)


BASES: list[Base] = [
    Base(
        "en",
        "Hi Anna,\n\nAs agreed with Marc, the worksop is on Tuesday 3 March at 10:00 in room B12. "
        "The budget stays at 450 EUR and we expect 13 particpants. Please send the signed form "
        "to events@northwind.org before Friday; the agenda are on "
        "https://northwind.org/workshop. I can't book the caterer myself, so could you ask jenny "
        "to call them on +44 20 7946 0958?\n\nBest regards\nTom",
        planted=[
            ("name", "agreed with Marc,", "agreed with the email,"),
            ("name", "with Marc,", "with Tom,"),
            ("date", "3 March", "13 March"),
            ("day", "Tuesday 3 March", "Thursday 3 March"),
            ("time", "at 10:00", "at 11:00"),
            ("amount", "450 EUR", "540 EUR"),
            ("number", "13 particpants", "30 participants"),
            ("email", "events@northwind.org", "event@northwind.org"),
            ("link", "https://northwind.org/workshop", "https://northwind.com/workshop"),
            ("phone", "+44 20 7946 0958", "+44 20 7946 0985"),
            ("negation", "I can't book", "I can book"),
            ("reference", "room B12", "room B21"),
        ],
        honest=[
            ("typo", "Please send", "Pleese send"),
            (
                "rewording",
                "I can't book the caterer myself",
                "I am unable to book the caterer myself",
            ),
            ("typo", "Tuesday 3 March", "Tuesdya 3 March"),
            ("grammar", "we expect 13", "we are expecting 13"),
            ("punctuation", "before Friday; the agenda", "before Friday. The agenda"),
            (
                "reorder",
                "The budget stays at 450 EUR and we expect 13 particpants.",
                "We expect 13 particpants and the budget stays at 450 EUR.",
            ),
            ("spelling", "worksop", "workshop"),
            ("spelling", "particpants", "participants"),
            ("grammar", "the agenda are on", "the agenda is on"),
            ("punctuation", "Best regards\n", "Best regards,\n"),
            ("capitalisation", "ask jenny", "ask Jenny"),
            (
                "reorder",
                "the worksop is on Tuesday 3 March at 10:00 in room B12",
                "the worksop is in room B12 on Tuesday 3 March at 10:00",
            ),
            (
                "reorder",
                "Please send the signed form to events@northwind.org before Friday;",
                "Before Friday, please send the signed form to events@northwind.org;",
            ),
            ("format", "at 10:00", "at 10am"),
            ("format", "450 EUR", "€450"),
            ("punctuation", "myself, so", "myself; so"),
        ],
    ),
    Base(
        "en",
        "Dear Mr Okafor,\n\nThank you for your order 88213. The invoice of $1,240.50 is due on "
        "12/03/2026 and can be paid by transfer to IBAN GB29 NWBK 6016 1331 9268 19. Our "
        "warehouse at 221B Baker Street will ship the 6 boxes on Monday. If anything is "
        "missing, please contact Priya Shah at priya.shah@harbourtrade.co.uk or on 020 7946 "
        "0321.\n\nKind regards,\nDaniel Brooks",
        planted=[
            ("reference", "order 88213", "order 88231"),
            ("amount", "$1,240.50", "$1,420.50"),
            ("amount", "$1,240.50", "€1,240.50"),
            ("date", "12/03/2026", "13/03/2026"),
            ("iban", "GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9286 19"),
            ("address", "221B Baker Street", "221 Baker Street"),
            ("number", "the 6 boxes", "the 8 boxes"),
            ("day", "on Monday", "on Tuesday"),
            ("name", "contact Priya Shah", "contact Priya Shaw"),
            ("email", "priya.shah@harbourtrade.co.uk", "priya.shah@harbourtrade.com"),
            ("phone", "020 7946 0321", "020 7946 0312"),
            ("negation", "can be paid by transfer", "cannot be paid by transfer"),
        ],
        honest=[
            ("typo", "warehouse", "warehuose"),
            ("typo", "Thank you", "Thnak you"),
            ("typo", "Priya Shah at", "priya shah at"),
            (
                "reorder",
                "The invoice of $1,240.50 is due on 12/03/2026",
                "The invoice, due on 12/03/2026, amounts to $1,240.50",
            ),
            ("punctuation", "Kind regards,", "Kind regards"),
            ("punctuation", "Thank you for your order 88213.", "Thank you for your order 88213!"),
            ("grammar", "If anything is missing", "If anything were missing"),
            (
                "reorder",
                "will ship the 6 boxes on Monday",
                "will ship, on Monday, the 6 boxes",
            ),
            ("format", "$1,240.50", "1,240.50 USD"),
            ("grammar", "The invoice of $1,240.50 is due", "The $1,240.50 invoice is due"),
            ("punctuation", "If anything is missing, please", "If anything is missing: please"),
            ("rewording", "Thank you for your", "Thank you for your kind"),
        ],
    ),
    Base(
        "en",
        "Hello team,\n\nQuick update from the Lisbon offsite: we will arrive on Wednesday 14 May "
        "around 3pm and leave on Friday 16 May after lunch. The hotel costs 180 euros per night "
        "and Sofia has booked 12 rooms under reference #A-4471. The shuttle leaves from 47 "
        "Rua Augusta at 9:30 each morning. Details are at www.lisbonoffsite.eu/plan. We "
        "don't have a budget for extra nights, so pleese check with Sofia first.\n\nCheers,\n"
        "Leo",
        planted=[
            ("date", "14 May", "15 May"),
            ("day", "Wednesday 14 May", "Thursday 14 May"),
            ("time", "around 3pm", "around 2pm"),
            ("amount", "180 euros", "108 euros"),
            ("name", "and Sofia has booked", "and Sonia has booked"),
            ("number", "12 rooms", "21 rooms"),
            ("reference", "#A-4471", "#A-4417"),
            ("time", "at 9:30", "at 9:00"),
            ("link", "www.lisbonoffsite.eu/plan", "www.lisbon-offsite.eu/plan"),
            ("negation", "We don't have a budget", "We have a budget"),
            ("name", "the Lisbon offsite", "the Porto offsite"),
            ("date", "Friday 16 May", "Friday 17 May"),
        ],
        honest=[
            ("typo", "Quick update", "Quikc update"),
            ("typo", "arrive", "arive"),
            ("grammar", "Sofia has booked", "Sofia booked"),
            (
                "reorder",
                "The shuttle leaves from 47 Rua Augusta at 9:30 each morning.",
                "Each morning at 9:30, the shuttle leaves from 47 Rua Augusta.",
            ),
            ("punctuation", "Cheers,", "Cheers!"),
            ("spelling", "pleese", "please"),
            ("punctuation", "Hello team,", "Hello team!"),
            ("format", "around 3pm", "around 3 p.m."),
            ("format", "180 euros", "€180"),
            (
                "reorder",
                "we will arrive on Wednesday 14 May around 3pm",
                "on Wednesday 14 May we will arrive around 3pm",
            ),
            ("grammar", "Details are at", "Details can be found at"),
            ("punctuation", "after lunch. The hotel", "after lunch; the hotel"),
            ("format", "at 9:30", "at 9.30am"),
        ],
    ),
    Base(
        "en",
        "Hi Marcus,\n\nThanks for the call yesterday. To confirm: the contract starts on 1 April "
        "2026, the monthly fee is 2,300 GBP and the notice period is 3 months. Julia from legal "
        "will send the draft to marcus.bell@orion-labs.com by Thursday. We will not invoice the "
        "setup work, and the first review meeting is at 4:30pm at our office, 10 Downing Lane. "
        "You can reach me directly on 07700 900123.\n\nBest,\nHelen",
        planted=[
            ("date", "1 April 2026", "1 April 2027"),
            ("date", "1 April", "1 May"),
            ("amount", "2,300 GBP", "3,200 GBP"),
            ("number", "3 months", "2 months"),
            ("name", "Julia from legal", "Julie from legal"),
            ("email", "marcus.bell@orion-labs.com", "marcus.bell@orionlabs.com"),
            ("day", "by Thursday", "by Tuesday"),
            ("negation", "We will not invoice", "We will invoice"),
            ("time", "4:30pm", "4:30am"),
            ("address", "10 Downing Lane", "12 Downing Lane"),
            ("phone", "07700 900123", "07700 900132"),
        ],
        honest=[
            ("typo", "Thanks for the call", "Thansk for the call"),
            ("typo", "monthly fee", "montly fee"),
            (
                "reorder",
                "the monthly fee is 2,300 GBP and the notice period is 3 months",
                "the notice period is 3 months and the monthly fee is 2,300 GBP",
            ),
            ("grammar", "We will not invoice", "We won't invoice"),
            ("typo", "10 Downing Lane", "10 downing lane"),
            ("punctuation", "To confirm: the contract", "To confirm, the contract"),
            ("format", "2,300 GBP", "£2,300"),
            ("format", "4:30pm", "16:30"),
            (
                "reorder",
                "Julia from legal will send the draft to marcus.bell@orion-labs.com by Thursday",
                "By Thursday, Julia from legal will send the draft to marcus.bell@orion-labs.com",
            ),
            ("grammar", "Thanks for the call yesterday", "Thank you for the call yesterday"),
            ("punctuation", "Best,\n", "Best\n"),
            ("grammar", "You can reach me", "You may reach me"),
        ],
    ),
    Base(
        "en",
        "Hi all,\n\nThe quarterly report is due on March 20th. Please upload your numbers to "
        "https://intranet.example.com/q1 before 5pm. Sales grew by 12% and we hired 4 engineers; "
        "Olivia will present the figures to Ahmed on Monday at 11am. The server costs rose to "
        "$870 a month. Questions go to finance@example.com. Note that the old portal is not "
        "available anymore.\n\nThanks,\nGrace",
        planted=[
            ("date", "March 20th", "March 21st"),
            ("link", "https://intranet.example.com/q1", "https://intranet.example.com/q2"),
            ("time", "before 5pm", "before 6pm"),
            ("number", "by 12%", "by 21%"),
            ("number", "4 engineers", "14 engineers"),
            ("name", "to Ahmed", "to the board"),
            ("day", "on Monday at 11am", "on Wednesday at 11am"),
            ("amount", "$870", "$780"),
            ("email", "finance@example.com", "finances@example.com"),
            ("negation", "is not available", "is available"),
            ("name", "Olivia will present", "Olive will present"),
        ],
        honest=[
            ("typo", "Please upload", "Plase upload"),
            ("rewording", "is not available anymore", "is no longer available"),
            ("typo", "quarterly", "quartely"),
            ("grammar", "we hired 4 engineers", "we have hired 4 engineers"),
            ("punctuation", "Questions go to finance", "Questions go to: finance"),
            (
                "reorder",
                "Sales grew by 12% and we hired 4 engineers",
                "We hired 4 engineers and sales grew by 12%",
            ),
            ("reorder", "before 5pm", "by 5pm at the latest"),
            ("punctuation", "Hi all,", "Hi all —"),
            ("grammar", "Sales grew by", "Sales have grown by"),
            ("format", "at 11am", "at 11:00"),
            (
                "reorder",
                "Olivia will present the figures to Ahmed on Monday at 11am",
                "on Monday at 11am, Olivia will present the figures to Ahmed",
            ),
            ("grammar", "The server costs rose", "Server costs rose"),
            ("spelling", "anymore", "any more"),
        ],
    ),
    Base(
        "en",
        "Hello Mrs Dubois,\n\nI'm writing about booking 55021 for the flat at 8 Maple Avenue. "
        "The deposit of 600 € was received on 2 June, and the keys will be ready on Saturday "
        "from 2pm. My colleague Ben will meet you there; his number is +1 415 555 0134. The "
        "cleaning fee is 75 EUR, which is included in the total. Please do not leave the keys "
        "in the mailbox when you go. You can find the house rules at maplestay.com/rules.\n\n"
        "Regards,\nSarah",
        planted=[
            ("reference", "booking 55021", "booking 55012"),
            ("address", "8 Maple Avenue", "8 Maple Road"),
            ("amount", "600 €", "660 €"),
            ("date", "on 2 June", "on 3 June"),
            ("day", "on Saturday", "on Sunday"),
            ("time", "from 2pm", "from 12pm"),
            ("name", "colleague Ben", "colleague Tom"),
            ("phone", "+1 415 555 0134", "+1 415 555 0143"),
            ("amount", "75 EUR", "57 EUR"),
            ("negation", "Please do not leave", "Please leave"),
            ("link", "maplestay.com/rules", "maplestay.co.uk/rules"),
            ("negation", "which is included", "which is not included"),
        ],
        honest=[
            ("typo", "received", "recieved"),
            ("typo", "My colleague", "My collegue"),
            ("grammar", "which is included", "which is already included"),
            (
                "reorder",
                "Please do not leave the keys in the mailbox when you go.",
                "When you go, please do not leave the keys in the mailbox.",
            ),
            ("rewording", "I'm writing about", "I'm writing regarding"),
            ("grammar", "I'm writing about", "I am writing about"),
            ("format", "600 €", "600 euros"),
            ("format", "75 EUR", "€75"),
            ("punctuation", "his number is +1", "his number is: +1"),
            (
                "reorder",
                "the keys will be ready on Saturday from 2pm",
                "on Saturday from 2pm the keys will be ready",
            ),
            ("grammar", "when you go", "when you leave"),
            ("punctuation", "Regards,\n", "Regards\n"),
        ],
    ),
    Base(
        "en",
        "Hi Chen,\n\nFollowing our meeting with Laura, here is the plan. Phase one runs from "
        "5 January to 28 February, with 3 developers and a budget of 15,000 USD. The kickoff "
        "is on Tuesday at 9:00 in the Berlin office, Friedrichstrasse 68. The specs are in "
        "ticket PRJ-2210. We won't start the mobile app before spring. Send your comments to "
        "laura.kim@zentra.io; the call-in number is +49 30 901820.\n\nThanks\nNoah",
        planted=[
            ("name", "meeting with Laura", "meeting with the team"),
            ("date", "5 January", "15 January"),
            ("date", "28 February", "26 February"),
            ("number", "3 developers", "5 developers"),
            ("amount", "15,000 USD", "50,000 USD"),
            ("day", "on Tuesday at 9:00", "on Thursday at 9:00"),
            ("time", "at 9:00", "at 9:30"),
            ("name", "the Berlin office", "the Munich office"),
            ("reference", "PRJ-2210", "PRJ-2201"),
            ("negation", "We won't start", "We will start"),
            ("email", "laura.kim@zentra.io", "laura.kim@zentra.com"),
            ("phone", "+49 30 901820", "+49 30 901280"),
        ],
        honest=[
            ("typo", "Following our meeting", "Folowing our meeting"),
            ("typo", "comments", "coments"),
            (
                "reorder",
                "with 3 developers and a budget of 15,000 USD",
                "with a budget of 15,000 USD and 3 developers",
            ),
            ("grammar", "The specs are in", "The specifications are in"),
            ("punctuation", "laura.kim@zentra.io; the", "laura.kim@zentra.io. The"),
            ("punctuation", "Thanks\n", "Thanks,\n"),
            ("grammar", "Phase one runs", "Phase one will run"),
            ("format", "15,000 USD", "$15,000"),
            ("format", "at 9:00", "at 9am"),
            (
                "reorder",
                "The kickoff is on Tuesday at 9:00 in the Berlin office",
                "On Tuesday at 9:00, the kickoff is in the Berlin office",
            ),
            ("capitalisation", "before spring", "before Spring"),
            ("punctuation", "here is the plan.", "here is the plan:"),
        ],
    ),
    Base(
        "en",
        "Dear Ms Novak,\n\nwe confirm your appointment with Dr Patel on Thursday 9 October at "
        "14:15. Please bring your insurance card and the referral letter. The consultation "
        "costs 95 pounds and cannot be refunded if you cancel less than 24 hours before. Our "
        "clinic has moved to 32 Queen Street, 2nd floor. For questions call 0161 496 0752 or "
        "write to appointments@citycare.org.uk. Your patient number is 4471093.\n\nYours "
        "sincerely,\nCity Care reception",
        planted=[
            ("name", "with Dr Patel", "with Dr Shah"),
            ("day", "on Thursday 9 October", "on Tuesday 9 October"),
            ("date", "9 October", "19 October"),
            ("time", "at 14:15", "at 14:50"),
            ("amount", "95 pounds", "59 pounds"),
            ("negation", "and cannot be refunded", "and can be refunded"),
            ("number", "less than 24 hours", "less than 48 hours"),
            ("address", "32 Queen Street", "23 Queen Street"),
            ("phone", "0161 496 0752", "0161 496 0725"),
            ("email", "appointments@citycare.org.uk", "appointment@citycare.org.uk"),
            ("reference", "4471093", "4471039"),
        ],
        honest=[
            ("typo", "insurance", "insurence"),
            ("typo", "Please bring", "Pleas bring"),
            (
                "reorder",
                "For questions call 0161 496 0752 or write to appointments@citycare.org.uk.",
                "For questions write to appointments@citycare.org.uk or call 0161 496 0752.",
            ),
            ("grammar", "less than 24 hours before", "less than 24 hours in advance"),
            ("punctuation", "Yours sincerely,", "Yours sincerely"),
            ("capitalisation", "we confirm your", "We confirm your"),
            ("format", "at 14:15", "at 2:15pm"),
            ("format", "95 pounds", "£95"),
            ("grammar", "has moved to", "moved to"),
            ("punctuation", "Street, 2nd floor", "Street (2nd floor)"),
            ("grammar", "For questions call", "For any questions, call"),
        ],
    ),
    Base(
        "en",
        "Hey Sam,\n\nJust a reminder that the team dinner is this Friday at 7.30pm at Luigi's, "
        "14 Harbour Road. Kevin reserved a table for 9 people. The set menu is 35 EUR per "
        "person; drinks are not included. If you can't make it, let Kevin know by Wednesday. "
        "The menu is on luigis-dining.com. See you there!\n\nMaya",
        planted=[
            ("day", "this Friday", "this Saturday"),
            ("time", "at 7.30pm", "at 8.30pm"),
            ("address", "14 Harbour Road", "41 Harbour Road"),
            ("name", "Kevin reserved", "Kelvin reserved"),
            ("number", "for 9 people", "for 10 people"),
            ("amount", "35 EUR", "53 EUR"),
            ("negation", "drinks are not included", "drinks are included"),
            ("negation", "If you can't make it", "If you can make it"),
            ("day", "by Wednesday", "by Thursday"),
            ("link", "luigis-dining.com", "luigis-dinner.com"),
            ("name", "at Luigi's", "at Mario's"),
        ],
        honest=[
            ("typo", "reminder", "remider"),
            ("rewording", "drinks are not included", "drinks are excluded"),
            ("typo", "reserved", "reserverd"),
            ("grammar", "The set menu is 35 EUR", "The set menu costs 35 EUR"),
            (
                "reorder",
                "the team dinner is this Friday at 7.30pm at Luigi's",
                "this Friday at 7.30pm, the team dinner is at Luigi's",
            ),
            ("punctuation", "Hey Sam,", "Hey Sam!"),
            ("format", "at 7.30pm", "at 7:30 pm"),
            ("format", "35 EUR", "€35"),
            ("grammar", "Just a reminder that", "Just a reminder:"),
            ("punctuation", "See you there!", "See you there."),
            ("grammar", "let Kevin know", "tell Kevin"),
            (
                "reorder",
                "If you can't make it, let Kevin know by Wednesday.",
                "Let Kevin know by Wednesday if you can't make it.",
            ),
        ],
    ),
    Base(
        "en",
        "Hello Fatima,\n\nyour parcel with tracking number 1Z999AA10123456784 left our depot on "
        "Monday. Delivery is planned for 04/11/2026 between 8am and noon at 5 Elm Close. The "
        "remaining balance of £42.99 will be collected by the driver. If nobody is at home, the "
        "driver will leave a card. You can change the date at deliverly.co.uk/change or by "
        "calling 0800 123 4567. We are sorry that the first attempt failed.\n\nDeliverly "
        "customer service",
        planted=[
            ("reference", "1Z999AA10123456784", "1Z999AA10123456748"),
            ("day", "on Monday", "on Tuesday"),
            ("date", "04/11/2026", "05/11/2026"),
            ("time", "between 8am", "between 9am"),
            ("time", "and noon", "and 1pm"),
            ("address", "5 Elm Close", "6 Elm Close"),
            ("amount", "£42.99", "£24.99"),
            ("negation", "If nobody is at home", "If somebody is at home"),
            ("link", "deliverly.co.uk/change", "deliverly.com/change"),
            ("phone", "0800 123 4567", "0800 123 4576"),
            ("name", "Hello Fatima", "Hello Fatma"),
        ],
        honest=[
            ("typo", "Delivery is planned", "Delivary is planned"),
            ("typo", "remaining", "remaning"),
            (
                "reorder",
                "If nobody is at home, the driver will leave a card.",
                "The driver will leave a card if nobody is at home.",
            ),
            ("grammar", "You can change the date", "You are able to change the date"),
            ("typo", "Monday", "Mondya"),
            ("capitalisation", "your parcel", "Your parcel"),
            ("format", "between 8am and noon", "between 8am and 12pm"),
            ("grammar", "left our depot", "has left our depot"),
            ("punctuation", "at home, the driver", "at home the driver"),
            ("grammar", "We are sorry that", "We apologise that"),
            ("format", "£42.99", "42.99 GBP"),
        ],
    ),
    Base(
        "en",
        "Hi Raj,\n\nThe server migration is scheduled for Sunday 23 November from 22:00 to "
        "02:00. During that window the VPN at vpn.acme-corp.net will not work. Tickets "
        "INC-5521 and INC-5530 will be closed afterwards. We need 2 volunteers on call; "
        "Emma already agreed. The overtime is paid at 45 USD per hour. Reply to "
        "it-ops@acme-corp.net if you can help.\n\nThanks a lot,\nNina",
        planted=[
            ("day", "for Sunday 23 November", "for Saturday 23 November"),
            ("date", "23 November", "22 November"),
            ("time", "from 22:00", "from 21:00"),
            ("time", "to 02:00", "to 03:00"),
            ("link", "vpn.acme-corp.net", "vpn.acmecorp.net"),
            ("negation", "will not work", "will work"),
            ("reference", "INC-5530", "INC-5503"),
            ("number", "We need 2 volunteers", "We need 3 volunteers"),
            ("name", "Emma already agreed", "Emily already agreed"),
            ("amount", "45 USD", "54 USD"),
            ("email", "it-ops@acme-corp.net", "itops@acme-corp.net"),
        ],
        honest=[
            ("typo", "migration", "migraton"),
            ("typo", "scheduled", "sheduled"),
            ("rewording", "will not work", "will be unavailable"),
            (
                "reorder",
                "Tickets INC-5521 and INC-5530 will be closed afterwards.",
                "Afterwards, tickets INC-5521 and INC-5530 will be closed.",
            ),
            ("grammar", "Emma already agreed", "Emma has already agreed"),
            ("punctuation", "Thanks a lot,", "Thanks a lot!"),
            ("format", "from 22:00 to 02:00", "from 10pm to 2am"),
            ("grammar", "During that window the VPN", "During that window, the VPN"),
            ("grammar", "We need 2 volunteers on call", "We need two volunteers on call"),
            ("punctuation", "on call; Emma", "on call. Emma"),
            ("format", "45 USD", "$45"),
            ("grammar", "if you can help", "if you are able to help"),
        ],
    ),
    Base(
        "en",
        "Dear Professor Lindqvist,\n\nthank you for agreeing to speak at our conference in Ghent "
        "on 8 May 2026. Your talk is planned for 11:45 and should last 40 minutes. We will "
        "cover your train ticket and 2 nights at the Hotel Europa, 17 Kortrijksesteenweg. "
        "The honorarium is 500 EUR. Could you send your slides to program@ghentconf.be by 30 "
        "April? We do not record the talks.\n\nWith best wishes,\nPieter Claes",
        planted=[
            ("name", "in Ghent", "in Bruges"),
            ("date", "8 May 2026", "8 May 2025"),
            ("time", "for 11:45", "for 11:15"),
            ("number", "40 minutes", "45 minutes"),
            ("number", "and 2 nights", "and 3 nights"),
            ("name", "Hotel Europa", "Hotel Astoria"),
            ("amount", "500 EUR", "5000 EUR"),
            ("email", "program@ghentconf.be", "programme@ghentconf.be"),
            ("date", "by 30 April", "by 3 April"),
            ("negation", "We do not record", "We record"),
        ],
        honest=[
            ("typo", "conference", "conferense"),
            ("typo", "Your talk", "Yuor talk"),
            (
                "reorder",
                "Your talk is planned for 11:45 and should last 40 minutes.",
                "Your talk should last 40 minutes and is planned for 11:45.",
            ),
            ("grammar", "We will cover", "We'll cover"),
            ("punctuation", "by 30 April?", "by 30 April, please?"),
            ("capitalisation", "thank you for agreeing", "Thank you for agreeing"),
            ("grammar", "should last", "will last"),
            ("format", "500 EUR", "€500"),
            ("punctuation", "With best wishes,\n", "With best wishes\n"),
            ("grammar", "Could you send", "Would you send"),
            ("format", "for 11:45", "for 11.45am"),
        ],
    ),
    Base(
        "en",
        "Hello Mr Weber,\n\nPlease transfer the deposit of 1.5k€ to our account DE89 3704 0044 "
        "0532 0130 00 with the reference INV-7781 before March 3. Our Dutch account is NL91 "
        "ABNA 0417 1643 00; the old one, GB82 WEST 1234 5698 7654 32, will be closed on "
        "2026-06-30. We always send a receipt. For any question about the payment, call laura "
        "on 555.123.4567 or see https://pay.weber-bau.de/faq.\n\nBest regards,\nKlaus Meyer",
        planted=[
            ("iban", "DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 01"),
            ("iban", "NL91 ABNA 0417 1643 00", "NL91 ABNA 0417 1634 00"),
            ("iban", "GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 23"),
            ("iban", "DE89 3704", "DE98 3704"),
            ("amount", "1.5k€", "2.5k€"),
            ("reference", "INV-7781", "INV-7718"),
            ("date", "March 3", "March 4"),
            ("date", "2026-06-30", "2026-06-03"),
            ("negation", "We always send", "We never send"),
            ("phone", "555.123.4567", "555.123.4576"),
            ("link", "https://pay.weber-bau.de/faq", "https://pay.weber-bau.com/faq"),
            ("name", "call laura", "call Lara"),
        ],
        honest=[
            ("typo", "transfer", "tranfer"),
            ("grammar", "We always send a receipt.", "A receipt is always sent."),
            ("punctuation", "Hello Mr Weber,", "Hello Mr Weber:"),
            ("capitalisation", "call laura", "call Laura"),
            ("format", "March 3", "3 March"),
            ("format", "2026-06-30", "30/06/2026"),
            (
                "reorder",
                "with the reference INV-7781 before March 3",
                "before March 3 with the reference INV-7781",
            ),
            (
                "punctuation",
                "NL91 ABNA 0417 1643 00; the old one",
                "NL91 ABNA 0417 1643 00. The old one",
            ),
            ("format", "https://pay.weber-bau.de/faq", "https://pay.weber-bau.de/faq/"),
            ("typo", "receipt", "reciept"),
        ],
    ),
    Base(
        "en",
        "Hi Olga,\n\nHere are the new contact details for the Riverside project. The site "
        "office moved to 1600 Pennsylvania Avenue, and deliveries go to 77 Station Road. Call "
        "Pedro on +44 (0)20 7946 0018 or the site phone 07911 123456; emails go to "
        "site@riverside-build.co.uk. Plans are on riverside-build.co.uk/plans and the safety "
        "briefing is at www.riverside-build.co.uk/safety. Visitors must sign in with a valid ID, "
        "and no one may enter without a helmet. Permit P-3390 is valid until 12/10/2026.\n\n"
        "Thanks,\nAmir",
        planted=[
            ("address", "1600 Pennsylvania Avenue", "1600 Pennsylvania Street"),
            ("address", "77 Station Road", "7 Station Road"),
            ("phone", "+44 (0)20 7946 0018", "+44 (0)20 7946 0081"),
            ("phone", "07911 123456", "07911 123465"),
            ("email", "site@riverside-build.co.uk", "site@riverside-build.com"),
            ("link", "riverside-build.co.uk/plans", "riverside-build.co.uk/plan"),
            ("link", "www.riverside-build.co.uk/safety", "www.riverside.co.uk/safety"),
            ("negation", "no one may enter without a helmet", "anyone may enter without a helmet"),
            ("negation", "with a valid ID", "without a valid ID"),
            ("reference", "P-3390", "P-3309"),
            ("date", "12/10/2026", "12/11/2026"),
            ("name", "Call Pedro", "Call Pablo"),
        ],
        honest=[
            ("format", "+44 (0)20 7946 0018", "+44 20 7946 0018"),
            ("format", "site@riverside-build.co.uk", "Site@Riverside-Build.co.uk"),
            ("typo", "deliveries", "deliveris"),
            (
                "rewording",
                "Here are the new contact details",
                "Please find the new contact details",
            ),
            ("grammar", "Plans are on", "The plans are on"),
            ("typo", "Visitors", "Vistors"),
            ("grammar", "The site office moved", "The site office has moved"),
            ("punctuation", "07911 123456; emails", "07911 123456. Emails"),
            (
                "reorder",
                "The site office moved to 1600 Pennsylvania Avenue, and deliveries go to 77 Station"
                " Road.",
                "Deliveries go to 77 Station Road, and the site office moved to 1600 Pennsylvania"
                " Avenue.",
            ),
            ("format", "12/10/2026", "12.10.2026"),
        ],
    ),
    # -- French -------------------------------------------------------------------------
    Base(
        "fr",
        "Bonjour Claire,\n\nComme convenu avec Marc, l'atelier aura lieu mardi 3 mars à 10 h "
        "dans la salle B12. Le budget reste de 450 €, et nous attendons 13 participants. Merci "
        "d'envoyer le formulaire signé a contact@atelier-lyon.fr avant vendredi ; le programme "
        "est sur https://atelier-lyon.fr/programme. Je ne peux pas réserver le traiteur moi-même, "
        "pourrais-tu demander a julie d'appeler le 04 72 10 30 30 ?\n\nBien a toi,\nThomas",
        planted=[
            ("name", "avec Marc,", "avec l'e-mail,"),
            ("name", "avec Marc,", "avec Marie,"),
            ("date", "3 mars", "13 mars"),
            ("day", "mardi 3 mars", "jeudi 3 mars"),
            ("time", "à 10 h", "à 11 h"),
            ("amount", "450 €", "540 €"),
            ("number", "13 participants", "30 participants"),
            ("email", "contact@atelier-lyon.fr", "contacts@atelier-lyon.fr"),
            ("link", "https://atelier-lyon.fr/programme", "https://atelier-lyon.com/programme"),
            ("phone", "04 72 10 30 30", "04 72 10 30 03"),
            ("negation", "Je ne peux pas réserver", "Je peux réserver"),
            ("reference", "salle B12", "salle B21"),
        ],
        honest=[
            ("typo", "Comme convenu", "Come convenu"),
            ("typo", "formulaire", "formullaire"),
            ("punctuation", "450 €, et nous", "450 € et nous"),
            (
                "reorder",
                "Le budget reste de 450 €, et nous attendons 13 participants.",
                "Nous attendons 13 participants, et le budget reste de 450 €.",
            ),
            ("grammar", "Je ne peux pas réserver", "Je ne pourrai pas réserver"),
            ("spelling", "signé a contact", "signé à contact"),
            ("spelling", "demander a julie", "demander à julie"),
            ("capitalisation", "a julie", "a Julie"),
            ("spelling", "Bien a toi", "Bien à toi"),
            ("format", "à 10 h", "à 10 h 00"),
            ("format", "450 €", "450 euros"),
            (
                "reorder",
                "l'atelier aura lieu mardi 3 mars à 10 h dans la salle B12",
                "l'atelier aura lieu dans la salle B12 mardi 3 mars à 10 h",
            ),
            (
                "reorder",
                "Merci d'envoyer le formulaire signé a contact@atelier-lyon.fr avant vendredi",
                "Avant vendredi, merci d'envoyer le formulaire signé a contact@atelier-lyon.fr",
            ),
            ("punctuation", "avant vendredi ; le", "avant vendredi. Le"),
        ],
    ),
    Base(
        "fr",
        "Madame Lefèvre,\n\nNous accusons réception de votre commande n° 88213. La facture de "
        "1 240,50 € est a régler avant le 12/03/2026 par virement sur le compte FR76 3000 6000 "
        "0112 3456 7890 189. Notre entrepôt, 14 rue des Lilas à Nantes, expédiera les 6 colis "
        "lundi. Pour toute question, contactez Hélène Martin au 02 40 12 34 56 ou par courriel "
        "à helene.martin@lilas-distribution.fr.\n\nCordialement,\nLe service client",
        planted=[
            ("reference", "n° 88213", "n° 88231"),
            ("amount", "1 240,50 €", "1 420,50 €"),
            ("date", "12/03/2026", "21/03/2026"),
            ("iban", "0112 3456 7890 189", "0112 3465 7890 189"),
            ("address", "14 rue des Lilas", "41 rue des Lilas"),
            ("name", "à Nantes", "à Rennes"),
            ("number", "les 6 colis", "les 9 colis"),
            ("day", "colis lundi", "colis mardi"),
            ("name", "Hélène Martin", "Hélène Morin"),
            ("phone", "02 40 12 34 56", "02 40 12 43 56"),
            ("email", "helene.martin@lilas-distribution.fr", "helene.martin@lilas-distrib.fr"),
        ],
        honest=[
            ("typo", "réception", "reception"),
            (
                "grammar",
                "Nous accusons réception de votre commande",
                "Nous avons bien reçu votre commande",
            ),
            ("typo", "entrepôt", "entrepot"),
            ("typo", "Nous accusons", "Nous acusons"),
            (
                "reorder",
                "est a régler avant le 12/03/2026 par virement",
                "est a régler par virement avant le 12/03/2026",
            ),
            ("punctuation", "Cordialement,", "Cordialement"),
            ("spelling", "est a régler", "est à régler"),
            ("format", "1 240,50 €", "1 240,50 euros"),
            ("punctuation", "Pour toute question, contactez", "Pour toute question : contactez"),
            ("grammar", "expédiera les 6 colis", "va expédier les 6 colis"),
            (
                "reorder",
                "expédiera les 6 colis lundi",
                "expédiera lundi les 6 colis",
            ),
            ("punctuation", "Madame Lefèvre,", "Madame Lefèvre ,"),
        ],
    ),
    Base(
        "fr",
        "Salut Julien,\n\nPetit point sur le séminaire de Bordeaux : nous arrivons mercredi 14 "
        "mai vers 15 h et repartons vendredi 16 mai après le déjeuner. L'hôtel coûte 120 euros "
        "la nuit et Sophie a réservé 12 chambres sous la référence #B-5520. La navette part du "
        "8 place de la Bourse à 9 h 30 chaque matin. Tout est sur www.seminaire-bx.fr/infos. "
        "On n'a pas de budget pour des nuits en plus, donc vérifie avec Sophie avant.\n\nA "
        "plus,\nLéa",
        planted=[
            ("date", "14 mai", "15 mai"),
            ("day", "mercredi 14", "jeudi 14"),
            ("time", "vers 15 h", "vers 16 h"),
            ("amount", "120 euros", "210 euros"),
            ("name", "et Sophie a réservé", "et Sonia a réservé"),
            ("number", "12 chambres", "21 chambres"),
            ("reference", "#B-5520", "#B-5502"),
            ("address", "8 place de la Bourse", "8 place de la Comédie"),
            ("time", "à 9 h 30", "à 9 h"),
            ("link", "www.seminaire-bx.fr/infos", "www.seminaire-bdx.fr/infos"),
            ("negation", "On n'a pas de budget", "On a du budget"),
            ("date", "vendredi 16 mai", "vendredi 17 mai"),
        ],
        honest=[
            ("typo", "séminaire", "seminaire"),
            ("typo", "repartons", "repartonss"),
            ("grammar", "Tout est sur", "Tout se trouve sur"),
            ("reorder", "L'hôtel coûte 120 euros la nuit", "La nuit d'hôtel coûte 120 euros"),
            ("typo", "Petit point", "Petti point"),
            ("spelling", "A plus", "À plus"),
            ("format", "120 euros", "120 €"),
            ("format", "à 9 h 30", "à 9h30"),
            ("grammar", "On n'a pas de budget", "Nous n'avons pas de budget"),
            ("grammar", "donc vérifie avec Sophie avant", "vérifie donc avec Sophie avant"),
            (
                "reorder",
                "nous arrivons mercredi 14 mai vers 15 h",
                "mercredi 14 mai, nous arrivons vers 15 h",
            ),
            ("punctuation", "Salut Julien,", "Salut Julien !"),
        ],
    ),
    Base(
        "fr",
        "Bonjour Monsieur Girard,\n\nSuite à notre échange d'hier, je vous confirme que le "
        "contrat débute le 1er avril 2026. Le forfait mensuel s'élève à 2 300 € HT et le préavis "
        "est de 3 mois. Nathalie, du service juridique, enverra le projet à "
        "p.girard@orion-conseil.fr d'ici jeudi. Nous ne facturerons pas l'installation. La "
        "première réunion de suivi aura lieu à 16 h 30 dans nos locaux, 25 avenue Victor Hugo. "
        "Vous pouvez me joindre au 06 12 34 56 78.\n\nBien cordialement,\nIsabelle Roux",
        planted=[
            ("date", "1er avril 2026", "1er avril 2027"),
            ("date", "1er avril", "1er mai"),
            ("amount", "2 300 €", "3 200 €"),
            ("number", "3 mois", "2 mois"),
            ("name", "Nathalie, du service", "Natacha, du service"),
            ("email", "p.girard@orion-conseil.fr", "p.girard@orion-conseils.fr"),
            ("day", "d'ici jeudi", "d'ici mardi"),
            ("negation", "Nous ne facturerons pas", "Nous facturerons"),
            ("time", "à 16 h 30", "à 18 h 30"),
            ("address", "25 avenue Victor Hugo", "25 boulevard Victor Hugo"),
            ("phone", "06 12 34 56 78", "06 12 34 65 78"),
        ],
        honest=[
            ("typo", "confirme", "confirmme"),
            ("typo", "échange", "echange"),
            (
                "reorder",
                "Le forfait mensuel s'élève à 2 300 € HT et le préavis est de 3 mois.",
                "Le préavis est de 3 mois et le forfait mensuel s'élève à 2 300 € HT.",
            ),
            ("grammar", "aura lieu", "se tiendra"),
            ("punctuation", "Bien cordialement,", "Bien cordialement"),
            ("format", "2 300 €", "2 300 euros"),
            ("format", "à 16 h 30", "à 16:30"),
            ("grammar", "Suite à notre échange", "À la suite de notre échange"),
            (
                "punctuation",
                "Nathalie, du service juridique, enverra",
                "Nathalie (service juridique) enverra",
            ),
            (
                "reorder",
                "enverra le projet à p.girard@orion-conseil.fr d'ici jeudi",
                "enverra d'ici jeudi le projet à p.girard@orion-conseil.fr",
            ),
            ("grammar", "Vous pouvez me joindre", "Vous pourrez me joindre"),
        ],
    ),
    Base(
        "fr",
        "Bonjour à tous,\n\nLe rapport trimestriel est à rendre le 20 mars. Merci de déposer vos "
        "chiffres sur https://intranet.exemple.fr/t1 avant 17 h. Les ventes ont progressé de "
        "12 % et nous avons recruté 4 ingénieurs ; Camille présentera les résultats à Karim "
        "lundi à 11 h. Les frais de serveur atteignent 870 € par mois. Les questions vont à "
        "compta@exemple.fr. L'ancien portail n'est plus disponible.\n\nMerci,\nGaëlle",
        planted=[
            ("date", "le 20 mars", "le 21 mars"),
            ("link", "https://intranet.exemple.fr/t1", "https://intranet.exemple.fr/t2"),
            ("time", "avant 17 h", "avant 18 h"),
            ("number", "12 %", "21 %"),
            ("number", "4 ingénieurs", "14 ingénieurs"),
            ("name", "à Karim", "à la direction"),
            ("day", "Karim lundi à 11 h", "Karim mercredi à 11 h"),
            ("amount", "870 €", "780 €"),
            ("email", "compta@exemple.fr", "comptable@exemple.fr"),
            ("negation", "n'est plus disponible", "est disponible"),
            ("name", "Camille présentera", "Camilla présentera"),
        ],
        honest=[
            ("typo", "trimestriel", "trimestriels"),
            (
                "rewording",
                "L'ancien portail n'est plus disponible.",
                "L'ancien portail est désormais indisponible.",
            ),
            ("typo", "Merci de déposer", "Merci de deposer"),
            (
                "reorder",
                "Les frais de serveur atteignent 870 € par mois.",
                "Par mois, les frais de serveur atteignent 870 €.",
            ),
            ("grammar", "Les questions vont à", "Les questions sont à adresser à"),
            ("typo", "L'ancien portail", "L'ancient portail"),
            ("punctuation", "Bonjour à tous,", "Bonjour à tous !"),
            ("grammar", "Les ventes ont progressé", "Les ventes progressent"),
            ("format", "à 11 h", "à 11h00"),
            (
                "reorder",
                "Camille présentera les résultats à Karim lundi à 11 h",
                "lundi à 11 h, Camille présentera les résultats à Karim",
            ),
            ("format", "870 €", "870 euros"),
            ("punctuation", "4 ingénieurs ; Camille", "4 ingénieurs. Camille"),
        ],
    ),
    Base(
        "fr",
        "Bonjour Madame Dubois,\n\nJe reviens vers vous au sujet de la réservation 55021 pour "
        "l'appartement du 3 bis rue Montmartre. L'acompte de 600 € a bien été reçu le 2 juin, "
        "et les clés seront prêtes samedi à partir de 14 h. Mon collègue Hugo vous accueillera ; "
        "son numéro est le +33 6 98 76 54 32. Les frais de ménage de 75 € sont inclus dans le "
        "total. Merci de ne pas laisser les clés dans la boîte aux lettres. Le règlement est "
        "sur locappart.fr/regles.\n\nCordialement,\nSarah",
        planted=[
            ("reference", "réservation 55021", "réservation 55012"),
            ("address", "3 bis rue Montmartre", "3 rue Montmartre"),
            ("amount", "600 €", "660 €"),
            ("date", "le 2 juin", "le 3 juin"),
            ("day", "prêtes samedi", "prêtes dimanche"),
            ("time", "partir de 14 h", "partir de 12 h"),
            ("name", "collègue Hugo", "collègue Victor"),
            ("phone", "+33 6 98 76 54 32", "+33 6 98 76 45 32"),
            ("amount", "75 €", "57 €"),
            ("negation", "Merci de ne pas laisser", "Merci de laisser"),
            ("link", "locappart.fr/regles", "locappart.com/regles"),
            ("negation", "sont inclus dans", "ne sont pas inclus dans"),
        ],
        honest=[
            ("typo", "appartement", "appartment"),
            ("typo", "boîte aux lettres", "boite aux lettres"),
            ("typo", "Mon collègue", "Mon collégue"),
            (
                "reorder",
                "Les frais de ménage de 75 € sont inclus dans le total.",
                "Dans le total sont inclus les frais de ménage de 75 €.",
            ),
            ("grammar", "Le règlement est sur", "Le règlement se trouve sur"),
            ("grammar", "a bien été reçu", "a été bien reçu"),
            ("format", "600 €", "600 euros"),
            ("format", "à partir de 14 h", "à partir de 14h00"),
            ("punctuation", "accueillera ; son", "accueillera. Son"),
            (
                "reorder",
                "les clés seront prêtes samedi à partir de 14 h",
                "samedi à partir de 14 h, les clés seront prêtes",
            ),
            ("grammar", "Je reviens vers vous", "Je me permets de revenir vers vous"),
        ],
    ),
    Base(
        "fr",
        "Bonjour Antoine,\n\nSuite à la réunion avec Laure, voici le planning. La phase 1 va du "
        "5 janvier au 28 février, avec 3 développeurs et un budget de 15 000 €. Le lancement est "
        "prévu mardi à 9 h dans les bureaux de Lille, 68 boulevard Carnot. Le cahier des charges "
        "est dans le ticket PRJ-2210. Nous ne commencerons pas l'application mobile avant le "
        "printemps. Envoyez vos remarques à laure.petit@zentra.fr ; le numéro de la conférence "
        "est le 03 20 90 18 20.\n\nMerci,\nNoé",
        planted=[
            ("name", "réunion avec Laure", "réunion avec l'équipe"),
            ("date", "5 janvier", "15 janvier"),
            ("date", "28 février", "26 février"),
            ("number", "3 développeurs", "5 développeurs"),
            ("amount", "15 000 €", "50 000 €"),
            ("day", "prévu mardi", "prévu jeudi"),
            ("time", "à 9 h dans", "à 9 h 30 dans"),
            ("name", "bureaux de Lille", "bureaux de Lens"),
            ("address", "68 boulevard Carnot", "86 boulevard Carnot"),
            ("reference", "PRJ-2210", "PRJ-2201"),
            ("negation", "Nous ne commencerons pas", "Nous commencerons"),
            ("email", "laure.petit@zentra.fr", "laure.petit@zentra.com"),
            ("phone", "03 20 90 18 20", "03 20 90 18 02"),
        ],
        honest=[
            ("typo", "développeurs", "developpeurs"),
            ("typo", "planning", "planing"),
            (
                "reorder",
                "avec 3 développeurs et un budget de 15 000 €",
                "avec un budget de 15 000 € et 3 développeurs",
            ),
            ("grammar", "Le cahier des charges est dans", "Le cahier des charges se trouve dans"),
            ("typo", "Envoyez", "Envoyer"),
            ("grammar", "Suite à la réunion", "À la suite de la réunion"),
            ("format", "15 000 €", "15 000 euros"),
            ("format", "mardi à 9 h", "mardi à 9h00"),
            (
                "reorder",
                "Le lancement est prévu mardi à 9 h dans les bureaux de Lille",
                "Mardi à 9 h, le lancement est prévu dans les bureaux de Lille",
            ),
            ("punctuation", "zentra.fr ; le numéro", "zentra.fr. Le numéro"),
            ("grammar", "Envoyez vos remarques", "Merci d'envoyer vos remarques"),
        ],
    ),
    Base(
        "fr",
        "Madame Novak,\n\nnous vous confirmons votre rendez-vous avec le Dr Lambert le jeudi 9 "
        "octobre à 14 h 15. Merci d'apporter votre carte vitale et le courrier de votre médecin. "
        "La consultation coûte 95 euros et ne peut pas être remboursée en cas d'annulation moins "
        "de 24 heures avant. Le cabinet se trouve désormais au 32 rue Nationale, au 2e étage. "
        "Pour toute question, appelez le 01 45 67 89 10 ou écrivez à rdv@cabinet-lambert.fr. "
        "Votre numéro de dossier est 4471093.\n\nLe secrétariat",
        planted=[
            ("name", "le Dr Lambert", "le Dr Lemaire"),
            ("day", "le jeudi 9", "le mardi 9"),
            ("date", "9 octobre", "19 octobre"),
            ("time", "à 14 h 15", "à 14 h 50"),
            ("amount", "95 euros", "59 euros"),
            ("negation", "et ne peut pas être remboursée", "et peut être remboursée"),
            ("address", "32 rue Nationale", "23 rue Nationale"),
            ("phone", "01 45 67 89 10", "01 45 67 98 10"),
            ("email", "rdv@cabinet-lambert.fr", "rdv@cabinet-lambert.com"),
            ("reference", "4471093", "4471039"),
        ],
        honest=[
            ("typo", "rendez-vous", "rendez vous"),
            ("typo", "médecin", "medecin"),
            (
                "reorder",
                "Le cabinet se trouve désormais au 32 rue Nationale, au 2e étage.",
                "Désormais, le cabinet se trouve au 32 rue Nationale, au 2e étage.",
            ),
            ("typo", "Votre numéro", "Votre numero"),
            ("grammar", "Merci d'apporter", "Merci de bien vouloir apporter"),
            ("capitalisation", "nous vous confirmons", "Nous vous confirmons"),
            ("capitalisation", "carte vitale", "carte Vitale"),
            ("format", "95 euros", "95 €"),
            ("format", "à 14 h 15", "à 14h15"),
            ("grammar", "se trouve désormais", "est désormais situé"),
            ("punctuation", "Pour toute question, appelez", "Pour toute question appelez"),
        ],
    ),
    Base(
        "fr",
        "Coucou Inès,\n\nPetit rappel : le dîner d'équipe est ce vendredi à 19 h 30 chez Luigi, "
        "14 rue du Port. Kevin a réservé une table pour 9 personnes. Le menu est à 35 € par "
        "personne, boissons non comprises. Si tu ne peux pas venir, préviens Kevin avant "
        "mercredi. La carte est sur chez-luigi.fr. A vendredi !\n\nMaya",
        planted=[
            ("day", "ce vendredi", "ce samedi"),
            ("time", "à 19 h 30", "à 20 h 30"),
            ("address", "14 rue du Port", "41 rue du Port"),
            ("name", "Kevin a réservé", "Kelvin a réservé"),
            ("number", "pour 9 personnes", "pour 10 personnes"),
            ("amount", "35 €", "53 €"),
            ("negation", "boissons non comprises", "boissons comprises"),
            ("negation", "Si tu ne peux pas venir", "Si tu peux venir"),
            ("day", "avant mercredi", "avant jeudi"),
            ("link", "chez-luigi.fr", "chez-luigi.com"),
            ("name", "chez Luigi", "chez Mario"),
        ],
        honest=[
            ("typo", "dîner", "diner"),
            ("typo", "réservé", "reservé"),
            (
                "reorder",
                "Le menu est à 35 € par personne, boissons non comprises.",
                "Boissons non comprises, le menu est à 35 € par personne.",
            ),
            ("grammar", "La carte est sur", "La carte se trouve sur"),
            ("typo", "Petit rappel", "Ptit rappel"),
            ("spelling", "A vendredi", "À vendredi"),
            ("format", "à 19 h 30", "à 19h30"),
            ("format", "35 €", "35 euros"),
            ("punctuation", "Petit rappel : le", "Petit rappel, le"),
            (
                "reorder",
                "Si tu ne peux pas venir, préviens Kevin avant mercredi.",
                "Préviens Kevin avant mercredi si tu ne peux pas venir.",
            ),
            ("grammar", "Kevin a réservé une table", "Kevin nous a réservé une table"),
        ],
    ),
    Base(
        "fr",
        "Bonjour Fatima,\n\nvotre colis n° 6A12345678901 a quitté notre dépôt lundi. La "
        "livraison est prévue le 04/11/2026 entre 8 h et midi au 5 allée des Tilleuls. Le solde "
        "de 42,99 € sera encaissé par le livreur. S'il n'y a personne, le livreur laissera un "
        "avis de passage. Vous pouvez changer la date sur livrexpress.fr/modifier ou au "
        "09 70 80 90 10. Nous sommes désolés que la première tentative ait échoué.\n\nLe service "
        "client",
        planted=[
            ("reference", "6A12345678901", "6A12345678910"),
            ("day", "dépôt lundi", "dépôt mardi"),
            ("date", "le 04/11/2026", "le 05/11/2026"),
            ("time", "entre 8 h", "entre 9 h"),
            ("time", "et midi", "et 13 h"),
            ("address", "5 allée des Tilleuls", "6 allée des Tilleuls"),
            ("amount", "42,99 €", "24,99 €"),
            ("negation", "S'il n'y a personne", "S'il y a quelqu'un"),
            ("link", "livrexpress.fr/modifier", "livrexpress.com/modifier"),
            ("phone", "09 70 80 90 10", "09 70 80 90 01"),
            ("name", "Bonjour Fatima", "Bonjour Fatma"),
        ],
        honest=[
            ("typo", "livraison", "livraisson"),
            ("typo", "encaissé", "encaisse"),
            (
                "reorder",
                "S'il n'y a personne, le livreur laissera un avis de passage.",
                "Le livreur laissera un avis de passage s'il n'y a personne.",
            ),
            ("grammar", "Vous pouvez changer", "Vous pourrez changer"),
            ("typo", "désolés", "désolé"),
            ("capitalisation", "votre colis", "Votre colis"),
            ("format", "entre 8 h et midi", "entre 8 h et 12 h"),
            ("grammar", "a quitté notre dépôt", "est parti de notre dépôt"),
            ("punctuation", "personne, le livreur", "personne le livreur"),
            ("grammar", "Nous sommes désolés que", "Nous regrettons que"),
            ("format", "42,99 €", "42,99 euros"),
        ],
    ),
    Base(
        "fr",
        "Bonjour Rachid,\n\nLa migration des serveurs est prévue dimanche 23 novembre de 22 h à "
        "2 h. Pendant ce créneau, le VPN vpn.acme-corp.fr ne fonctionnera pas. Les tickets "
        "INC-5521 et INC-5530 seront clos ensuite. Il nous faut 2 volontaires d'astreinte ; Emma "
        "a déjà accepté. Les heures supplémentaires sont payées 45 € de l'heure. Réponds à "
        "exploitation@acme-corp.fr si tu peux aider.\n\nMerci beaucoup,\nNina",
        planted=[
            ("day", "prévue dimanche", "prévue samedi"),
            ("date", "23 novembre", "22 novembre"),
            ("time", "de 22 h", "de 21 h"),
            ("time", "à 2 h", "à 3 h"),
            ("link", "vpn.acme-corp.fr", "vpn.acmecorp.fr"),
            ("negation", "ne fonctionnera pas", "fonctionnera"),
            ("reference", "INC-5530", "INC-5503"),
            ("number", "faut 2 volontaires", "faut 3 volontaires"),
            ("name", "Emma a déjà", "Emmy a déjà"),
            ("amount", "45 €", "54 €"),
            ("email", "exploitation@acme-corp.fr", "exploit@acme-corp.fr"),
        ],
        honest=[
            ("typo", "migration", "migraton"),
            ("typo", "créneau", "creneau"),
            (
                "reorder",
                "Les tickets INC-5521 et INC-5530 seront clos ensuite.",
                "Ensuite, les tickets INC-5521 et INC-5530 seront clos.",
            ),
            ("typo", "Réponds", "Répond"),
            ("punctuation", "Merci beaucoup,", "Merci beaucoup !"),
            ("format", "de 22 h à 2 h", "de 22h00 à 2h00"),
            ("grammar", "Pendant ce créneau, le VPN", "Durant ce créneau, le VPN"),
            ("grammar", "faut 2 volontaires", "faut deux volontaires"),
            ("punctuation", "d'astreinte ; Emma", "d'astreinte. Emma"),
            ("format", "45 €", "45 euros"),
            ("grammar", "si tu peux aider", "si tu es disponible pour aider"),
        ],
    ),
    Base(
        "fr",
        "Cher Professeur Lindqvist,\n\nMerci d'avoir accepté d'intervenir à notre colloque de "
        "Rennes le 8 mai 2026. Votre exposé est prévu à 11 h 45 et doit durer 40 minutes. Nous "
        "prenons en charge votre billet de train et 2 nuits à l'hôtel Europe, 17 quai Duguay-"
        "Trouin. Les honoraires s'élèvent à 500 €. Pourriez-vous envoyer vos diapositives à "
        "programme@colloque-rennes.fr avant le 30 avril ? Nous n'enregistrons pas les "
        "exposés.\n\nBien cordialement,\nPierre Morel",
        planted=[
            ("name", "colloque de Rennes", "colloque de Nantes"),
            ("date", "8 mai 2026", "8 mai 2025"),
            ("time", "à 11 h 45", "à 11 h 15"),
            ("number", "40 minutes", "45 minutes"),
            ("number", "et 2 nuits", "et 3 nuits"),
            ("address", "17 quai Duguay-", "71 quai Duguay-"),
            ("amount", "500 €", "5 000 €"),
            ("email", "programme@colloque-rennes.fr", "programmes@colloque-rennes.fr"),
            ("date", "le 30 avril", "le 3 avril"),
            ("negation", "Nous n'enregistrons pas", "Nous enregistrons"),
        ],
        honest=[
            ("typo", "intervenir", "intervennir"),
            ("typo", "diapositives", "diapositive"),
            (
                "reorder",
                "Votre exposé est prévu à 11 h 45 et doit durer 40 minutes.",
                "Votre exposé doit durer 40 minutes et est prévu à 11 h 45.",
            ),
            ("grammar", "Nous prenons en charge", "Nous prendrons en charge"),
            ("typo", "Votre exposé", "Votre exposer"),
            ("grammar", "doit durer", "durera"),
            ("format", "500 €", "500 euros"),
            ("format", "à 11 h 45", "à 11h45"),
            ("punctuation", "avril ? Nous", "avril. Nous"),
            ("grammar", "Pourriez-vous envoyer", "Pouvez-vous envoyer"),
            ("grammar", "Merci d'avoir accepté", "Merci beaucoup d'avoir accepté"),
        ],
    ),
    Base(
        "fr",
        "Bonjour,\n\nMerci de régler l'acompte de 2 500 € par virement sur notre compte FR14 2004 "
        "1010 0505 0001 3M02 606 en indiquant la référence DEV-2291. Notre compte secondaire est "
        "le FR76 1027 8060 3100 0205 8170 147 ; l'ancien compte BE68 5390 0754 7034 sera fermé "
        "le 30 juin. Nous envoyons toujours un reçu. Pour toute question sur le paiement, "
        "appelez sandrine au 01.44.55.66.77 ou consultez https://paiement.atelier-bois.fr/aide."
        "\n\nCordialement,\nAtelier Bois",
        planted=[
            ("iban", "FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 660"),
            ("iban", "FR76 1027 8060 3100 0205 8170 147", "FR76 1027 8060 3100 0250 8170 147"),
            ("iban", "BE68 5390 0754 7034", "BE68 5390 0745 7034"),
            ("iban", "FR14 2004", "FR41 2004"),
            ("amount", "2 500 €", "25 000 €"),
            ("reference", "DEV-2291", "DEV-2219"),
            ("date", "le 30 juin", "le 30 juillet"),
            ("negation", "Nous envoyons toujours", "Nous n'envoyons jamais"),
            ("phone", "01.44.55.66.77", "01.44.55.66.87"),
            (
                "link",
                "https://paiement.atelier-bois.fr/aide",
                "https://paiement.atelierbois.fr/aide",
            ),
            ("name", "appelez sandrine", "appelez Sabrina"),
        ],
        honest=[
            ("typo", "régler", "regler"),
            ("grammar", "Nous envoyons toujours un reçu.", "Un reçu est toujours envoyé."),
            ("rewording", "Merci de régler", "Nous vous remercions de régler"),
            ("capitalisation", "appelez sandrine", "appelez Sandrine"),
            ("format", "2 500 €", "2500 euros"),
            ("format", "01.44.55.66.77", "01 44 55 66 77"),
            (
                "reorder",
                "en indiquant la référence DEV-2291",
                "(référence DEV-2291 à indiquer)",
            ),
            ("punctuation", "8170 147 ; l'ancien", "8170 147. L'ancien"),
            ("format", "le 30 juin", "le 30/06"),
            ("typo", "paiement", "paiment"),
        ],
    ),
    Base(
        "fr",
        "Bonjour Olga,\n\nVoici les nouvelles coordonnées du chantier des Berges. Le bureau de "
        "chantier a déménagé au 12 bis avenue Jean Jaurès, et les livraisons se font au 7 chemin "
        "des Carrières. Appelez Pedro au +33 (0)4 78 90 12 34 ou le portable du chantier au "
        "07 81 22 33 44 ; les courriels vont à chantier@berges-construction.fr. Les plans sont "
        "sur berges-construction.fr/plans. Aucun visiteur ne peut entrer sans casque, et chacun "
        "doit signer le registre. Le permis PC-0691 est valable jusqu'au 12/10/2026.\n\n"
        "Merci,\nAmir",
        planted=[
            ("address", "12 bis avenue Jean Jaurès", "12 avenue Jean Jaurès"),
            ("address", "7 chemin des Carrières", "7 chemin des Vignes"),
            ("phone", "+33 (0)4 78 90 12 34", "+33 (0)4 78 90 21 34"),
            ("phone", "07 81 22 33 44", "07 81 22 33 45"),
            ("email", "chantier@berges-construction.fr", "chantiers@berges-construction.fr"),
            ("email", "chantier@berges-construction.fr", "chantier@berges-construction.com"),
            ("link", "berges-construction.fr/plans", "berges-construction.fr/plan"),
            ("negation", "Aucun visiteur ne peut entrer", "Tout visiteur peut entrer"),
            ("negation", "et chacun doit signer", "et personne ne doit signer"),
            ("reference", "PC-0691", "PC-0619"),
            ("date", "12/10/2026", "12/11/2026"),
            ("name", "Appelez Pedro", "Appelez Pablo"),
        ],
        honest=[
            ("format", "+33 (0)4 78 90 12 34", "+33 4 78 90 12 34"),
            ("typo", "coordonnées", "coordonées"),
            (
                "rewording",
                "Voici les nouvelles coordonnées",
                "Veuillez trouver ci-dessous les nouvelles coordonnées",
            ),
            ("grammar", "Les plans sont sur", "Les plans se trouvent sur"),
            ("typo", "livraisons", "livraissons"),
            ("grammar", "a déménagé", "est installé"),
            ("punctuation", "33 44 ; les courriels", "33 44. Les courriels"),
            (
                "reorder",
                "Aucun visiteur ne peut entrer sans casque, et chacun doit signer le registre.",
                "Chacun doit signer le registre, et aucun visiteur ne peut entrer sans casque.",
            ),
            ("format", "12/10/2026", "12.10.2026"),
            ("format", "chantier@berges-construction.fr", "Chantier@berges-construction.fr"),
        ],
    ),
]


@dataclass(frozen=True)
class DraftCase:
    """A Draft/Reply suggestion checked against the user's request."""

    prompt: str
    thread: str
    email: str
    suggestion: str
    missing: tuple[str, ...]  # facts of the prompt the suggestion lacks (as the prompt writes them)
    new: tuple[str, ...]  # facts in the suggestion found in neither prompt nor thread nor email


DRAFT_CASES: list[DraftCase] = [
    DraftCase(
        "propose Tuesday 10:00 instead; the budget stays at 450 EUR",
        "Can we meet on Monday at 9:00? Best, Anna",
        "",
        "Hi Anna,\n\nMonday does not suit me. The budget stays at €450. We have 13 employees, "
        "12 of which are women.\n\nBest,\nTom",
        ("Tuesday", "10:00"),
        ("13", "12"),
    ),
    DraftCase(
        "accept the offer of 2,300 GBP a month, start on 1 April",
        "We can offer 2,300 GBP per month starting 1 April. Regards, Helen",
        "",
        "Dear Helen,\n\nI am happy to accept the offer of £2,300 a month, starting on April 1st."
        "\n\nBest regards",
        (),
        (),
    ),
    DraftCase(
        "tell Marc the report is late, new deadline Friday 5pm",
        "",
        "",
        "Hi Marc,\n\nThe report is running late. The new deadline is Friday at 17:00. Sorry for "
        "the delay.",
        (),
        (),
    ),
    DraftCase(
        "tell Marc the report is late, new deadline Friday 5pm",
        "",
        "",
        "Hi Marc,\n\nThe report is running late; I will send it on Monday at 9am.",
        ("Friday", "5pm"),
        ("Monday", "9am"),
    ),
    DraftCase(
        "réponds que nous viendrons à 4 le 12 mars à 14 h, adresse 8 place de la Bourse",
        "Combien serez-vous le 12 mars ? Claire",
        "",
        "Bonjour Claire,\n\nNous serons quatre le 12 mars à 14 h, au 8 place de la Bourse.\n\n"
        "Bien à vous",
        (),
        (),
    ),
    DraftCase(
        "réponds que nous viendrons à 4 le 12 mars à 14 h, adresse 8 place de la Bourse",
        "Combien serez-vous le 12 mars ? Claire",
        "",
        "Bonjour Claire,\n\nNous serons six le 12 mars à 15 h.\n\nBien à vous",
        ("4", "14 h", "8 place de la Bourse"),
        ("six", "15 h"),
    ),
    DraftCase(
        "ask Priya to resend invoice INV-2024-118 to billing@acme.com",
        "Hi, please find attached invoice INV-2024-118. Priya Shah",
        "",
        "Hi Priya,\n\nCould you resend invoice INV-2024-118 to billing@acme.com? Thanks!",
        (),
        (),
    ),
    DraftCase(
        "ask Priya to resend invoice INV-2024-118 to billing@acme.com",
        "Hi, please find attached invoice INV-2024-118. Priya Shah",
        "",
        "Hi Priya,\n\nCould you resend invoice INV-2024-181 to accounts@acme.com? You can also "
        "call John on 020 7946 0321.",
        ("INV-2024-118", "billing@acme.com"),
        ("INV-2024-181", "accounts@acme.com", "John", "020 7946 0321"),
    ),
    DraftCase(
        "dis à Julien que la réunion du lundi 3 février est déplacée au mardi 4 février",
        "",
        "",
        "Bonjour Julien,\n\nLa réunion du lundi 3 février est déplacée au mardi 4 février.\n\n"
        "Bonne journée",
        (),
        (),
    ),
    DraftCase(
        "dis à Julien que la réunion du lundi 3 février est déplacée au mardi 4 février",
        "",
        "",
        "Bonjour Julien,\n\nLa réunion est déplacée au mercredi 5 février, salle 12.\n\n"
        "Bonne journée",
        ("lundi", "3 février", "mardi", "4 février"),
        ("mercredi", "5 février", "12"),
    ),
    DraftCase(
        "thank them and confirm the link https://meet.example.org/team-42 for Thursday",
        "Here is the invite: https://meet.example.org/team-42 on Thursday at 3pm. Olivia",
        "",
        "Hi Olivia,\n\nThanks! Confirmed for Thursday at 3pm via https://meet.example.org/team-42.",
        (),
        (),
    ),
    DraftCase(
        "confirme le rendez-vous de jeudi et donne mon numéro 06 12 34 56 78",
        "Pouvons-nous nous voir jeudi ? Hugo",
        "",
        "Bonjour Hugo,\n\nC'est noté pour jeudi. Vous pouvez me joindre au 06 12 34 56 87.",
        ("06 12 34 56 78",),
        ("06 12 34 56 87",),
    ),
]
