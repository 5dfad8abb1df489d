"""Round 16 probes of posts (issue 14): made-up sentences in the ways councils' news, minutes, agenda reports and
local newspapers write a person's role, each with the (name, post) pairs a careful annotator records under
ANNOTATION.md ("people": the role or job title the text gives them; Councillor alone is not a post; roles without a
name are not people). Posts compare as the scorer compares them (caregraph.gold.normalise_post).

Run: ``PYTHONPATH=src python bench/probes/posts_probes.py`` (prints each failing probe; ``--table`` writes
bench/probes/posts.md).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

NEWS = "news"
MINUTES = "minutes"
REPORT = "report"

# (context, text, {name: post or None}); "A | B": a careful annotator may write either. Every person the text names is listed: a probe fails on a missed person, a
# missed or wrong post, or an extra person.
PROBES: list[tuple[str, str, dict[str, str | None]]] = [
    # --- post after the name, set off by commas (news)
    (
        NEWS,
        'Cllr Sarah Mitchell, cabinet member for children\'s services, said: "We are delighted with this result."',
        {"Sarah Mitchell": "cabinet member for children's services"},
    ),
    (
        NEWS,
        "\"This is great news for our families,\" said Sarah Mitchell, the council's director of children's services.",
        {"Sarah Mitchell": "director of children's services"},
    ),
    (
        NEWS,
        "Helen Carter, Anyshire County Council's executive director of children's services, said the findings were fair.",
        {"Helen Carter": "executive director of children's services"},
    ),
    (
        NEWS,
        "Councillor James Whitfield, Anyshire's lead member for children and families, welcomed the report.",
        {"James Whitfield": "lead member for children and families"},
    ),
    (
        NEWS,
        "Priya Shah, deputy leader of the council, said the grading reflected years of hard work.",
        {"Priya Shah": "deputy leader of the council"},
    ),
    (
        NEWS,
        'Mark Davies, the council\'s chief executive, said: "I want to thank every social worker."',
        {"Mark Davies": "chief executive"},
    ),
    (
        NEWS,
        "Rachel Owen, head of children's social care, said improvements had been made across the service.",
        {"Rachel Owen": "head of children's social care"},
    ),
    (
        NEWS,
        "Cllr Tom Bradley, leader of Anyshire County Council, said the authority would not rest.",
        {"Tom Bradley": "leader of Anyshire County Council"},
    ),
    (
        NEWS,
        "Amanda Hughes, service manager for fostering, explained how the new scheme works.",
        {"Amanda Hughes": "service manager for fostering"},
    ),
    (
        NEWS,
        "David Lloyd, assistant director for early help and prevention, said demand had risen sharply.",
        {"David Lloyd": "assistant director for early help and prevention"},
    ),
    (
        NEWS,
        "Karen Phillips, principal social worker, said staff felt supported.",
        {"Karen Phillips": "principal social worker"},
    ),
    (
        NEWS,
        "Cllr Paul Jenkins, chair of the children and young people's scrutiny committee, said members would keep a close eye on progress.",
        {"Paul Jenkins": "chair of the children and young people's scrutiny committee"},
    ),
    (
        NEWS,
        'Claire Robinson, interim director of children\'s services at Anyshire County Council, said: "We know there is more to do."',
        {"Claire Robinson": "interim director of children's services"},
    ),
    (
        NEWS,
        "Simon Ashworth, independent chair of the Anyshire Safeguarding Children Partnership, said partners had worked well together.",
        {"Simon Ashworth": "independent chair of the Anyshire Safeguarding Children Partnership"},
    ),
    (
        NEWS,
        "Cllr Nadia Hussain, portfolio holder for children, education and skills, said the news was a boost for the town.",
        {"Nadia Hussain": "portfolio holder for children, education and skills"},
    ),
    (
        NEWS,
        "Cllr Gareth Evans, executive member for children's services, said the council had listened to young people.",
        {"Gareth Evans": "executive member for children's services"},
    ),
    (
        NEWS,
        "Lucy Fowler, virtual school headteacher, said attendance had improved.",
        {"Lucy Fowler": "virtual school headteacher"},
    ),
    (
        NEWS,
        "Andrew Marsh, strategic director of people, said the council would publish an action plan.",
        {"Andrew Marsh": "strategic director of people"},
    ),
    (
        NEWS,
        "Emma Walsh, director of children's services, and Cllr Richard Kaye, cabinet member for children, met inspectors on Monday.",
        {"Emma Walsh": "director of children's services", "Richard Kaye": "cabinet member for children"},
    ),
    (
        NEWS,
        "Fiona Grant, the council's corporate director for children and young people, said the service was on the right track.",
        {"Fiona Grant": "corporate director for children and young people"},
    ),
    # --- post before the name (news)
    (
        NEWS,
        "Corporate Director for People Helen Carter said the council would act on every recommendation.",
        {"Helen Carter": "Corporate Director for People"},
    ),
    (NEWS, 'Council leader Cllr Tom Bradley said: "Our children deserve the best."', {"Tom Bradley": "Council leader"}),
    (
        NEWS,
        "Cabinet member for children's services Cllr Sarah Mitchell said she was proud of staff.",
        {"Sarah Mitchell": "Cabinet member for children's services"},
    ),
    (
        NEWS,
        "Director of children's services Emma Walsh said recruitment remained the biggest challenge.",
        {"Emma Walsh": "Director of children's services"},
    ),
    (
        NEWS,
        "Interim director Claire Robinson told the committee the service was stable.",
        {"Claire Robinson": "Interim director"},
    ),
    (
        NEWS,
        "Chief executive Mark Davies said the council had accepted the findings in full.",
        {"Mark Davies": "Chief executive"},
    ),
    (NEWS, "The council's new DCS, Fiona Grant, starts in September.", {"Fiona Grant": "DCS"}),
    (
        NEWS,
        "The portfolio holder for children, Cllr Nadia Hussain, said the result was well deserved.",
        {"Nadia Hussain": "portfolio holder for children"},
    ),
    (
        NEWS,
        "The lead member for children's services, Cllr James Whitfield, said families would notice the change.",
        {"James Whitfield": "lead member for children's services"},
    ),
    (
        NEWS,
        "Anyshire's director of children's services, Emma Walsh, said the service had turned a corner.",
        {"Emma Walsh": "director of children's services"},
    ),
    (
        NEWS,
        "Deputy leader and cabinet member for education Cllr Priya Shah said schools had played their part.",
        {"Priya Shah": "Deputy leader and cabinet member for education"},
    ),
    (
        NEWS,
        "Opposition leader Cllr Steve Thornton said the report made uncomfortable reading.",
        {"Steve Thornton": "Opposition leader"},
    ),
    (
        NEWS,
        "Liberal Democrat spokesperson for children Cllr Alison Reed called for an urgent debate.",
        {"Alison Reed": "Liberal Democrat spokesperson for children"},
    ),
    (
        NEWS,
        "Head of safeguarding Rachel Owen said referrals were now dealt with within a day.",
        {"Rachel Owen": "Head of safeguarding"},
    ),
    (
        NEWS,
        "Assistant director for children's social care David Lloyd presented the figures.",
        {"David Lloyd": "Assistant director for children's social care"},
    ),
    # --- post after "as"
    (
        NEWS,
        "The council has appointed Claire Robinson as interim director of children's services.",
        {"Claire Robinson": "interim director of children's services"},
    ),
    (
        NEWS,
        "Fiona Grant has been confirmed as the council's permanent director of children's services.",
        {"Fiona Grant": "permanent director of children's services | director of children's services"},
    ),
    (
        NEWS,
        "Emma Walsh, who joined as director of children's services in 2021, will leave in the spring.",
        {"Emma Walsh": "director of children's services"},
    ),
    (
        NEWS,
        "Cllr Priya Shah takes over as cabinet member for children and families from Cllr Richard Kaye.",
        {"Priya Shah": "cabinet member for children and families", "Richard Kaye": None},
    ),
    (NEWS, "Mark Davies will step down as chief executive at the end of March.", {"Mark Davies": "chief executive"}),
    (
        NEWS,
        "Simon Ashworth has been named as the new independent scrutineer for the safeguarding partnership.",
        {"Simon Ashworth": "independent scrutineer for the safeguarding partnership"},
    ),
    (
        NEWS,
        "Helen Carter, who served as director of children's services for six years, retired last month.",
        {"Helen Carter": "director of children's services"},
    ),
    # --- who-clauses and verbs of office
    (
        NEWS,
        "Sarah Mitchell, who chairs the corporate parenting panel, welcomed the report.",
        {"Sarah Mitchell": "chairs the corporate parenting panel | chair of the corporate parenting panel"},
    ),
    (
        NEWS,
        "Cllr Paul Jenkins, who leads on children's services for the opposition group, asked for a briefing.",
        {"Paul Jenkins": "leads on children's services for the opposition group"},
    ),
    # --- brackets and dashes
    (
        MINUTES,
        "Present: Cllr Sarah Mitchell (Chair), Cllr Richard Kaye (Vice-Chair), Cllr Alison Reed.",
        {"Sarah Mitchell": "Chair", "Richard Kaye": "Vice-Chair", "Alison Reed": None},
    ),
    (
        MINUTES,
        "The Panel received a presentation from Emma Walsh (Director of Children's Services).",
        {"Emma Walsh": "Director of Children's Services"},
    ),
    (
        MINUTES,
        "Officers present: Rachel Owen (Head of Service, Children in Care), David Lloyd (Assistant Director, Early Help).",
        {"Rachel Owen": "Head of Service, Children in Care", "David Lloyd": "Assistant Director, Early Help"},
    ),
    (MINUTES, "Emma Walsh – Assistant Director, Safeguarding", {"Emma Walsh": "Assistant Director, Safeguarding"}),
    (MINUTES, "Karen Phillips - Principal Social Worker", {"Karen Phillips": "Principal Social Worker"}),
    (
        MINUTES,
        "Also in attendance:\nLucy Fowler – Virtual School Headteacher\nAndrew Marsh – Strategic Director of People",
        {"Lucy Fowler": "Virtual School Headteacher", "Andrew Marsh": "Strategic Director of People"},
    ),
    (
        MINUTES,
        "In attendance: Emma Walsh, Director of Children's Services; Rachel Owen, Head of Safeguarding; Nadia Hussain, Democratic Services Officer.",
        {
            "Emma Walsh": "Director of Children's Services",
            "Rachel Owen": "Head of Safeguarding",
            "Nadia Hussain": "Democratic Services Officer",
        },
    ),
    (
        MINUTES,
        "Officers: Mark Davies (Chief Executive), Fiona Grant (Corporate Director, Children and Families), Joanne Pike (Committee Clerk)",
        {
            "Mark Davies": "Chief Executive",
            "Fiona Grant": "Corporate Director, Children and Families",
            "Joanne Pike": "Committee Clerk",
        },
    ),
    (
        MINUTES,
        "Councillors present: Sarah Mitchell (Chairman), Tom Bradley, Priya Shah and Alison Reed.",
        {"Sarah Mitchell": "Chairman", "Tom Bradley": None, "Priya Shah": None, "Alison Reed": None},
    ),
    (
        MINUTES,
        "Apologies for absence were received from Cllr Richard Kaye and Helen Carter (Executive Director, People).",
        {"Richard Kaye": None, "Helen Carter": "Executive Director, People"},
    ),
    # --- report authors and contacts
    (REPORT, "Report author: Jane Example, Head of Service", {"Jane Example": "Head of Service"}),
    (
        REPORT,
        "Report of: Fiona Grant, Corporate Director for Children's Services",
        {"Fiona Grant": "Corporate Director for Children's Services"},
    ),
    (
        REPORT,
        "Contact officer: Rachel Owen, Head of Quality Assurance\nTel: 01234 567890\nEmail: rachel.owen@anyshire.gov.uk",
        {"Rachel Owen": "Head of Quality Assurance"},
    ),
    (
        REPORT,
        "Lead officer: David Lloyd, Assistant Director – Children's Social Care",
        {"David Lloyd": "Assistant Director – Children's Social Care"},
    ),
    (
        REPORT,
        "Cabinet Member: Cllr Sarah Mitchell, Cabinet Member for Children and Young People",
        {"Sarah Mitchell": "Cabinet Member for Children and Young People"},
    ),
    (
        REPORT,
        "Portfolio holder: Cllr Nadia Hussain\nReport author: Amanda Hughes, Service Manager",
        {"Nadia Hussain": "Portfolio holder", "Amanda Hughes": "Service Manager"},
    ),
    (
        REPORT,
        "Responsible officer: Andrew Marsh, Strategic Director (People)",
        {"Andrew Marsh": "Strategic Director (People)"},
    ),
    (
        REPORT,
        "Author and contact: Karen Phillips, Principal Social Worker, karen.phillips@anyshire.gov.uk",
        {"Karen Phillips": "Principal Social Worker"},
    ),
    (
        REPORT,
        "Relevant Cabinet Member: Councillor Gareth Evans - Lead Member for Children's Services",
        {"Gareth Evans": "Lead Member for Children's Services"},
    ),
    (
        REPORT,
        "Director: Emma Walsh, Director of Children's Services",
        {"Emma Walsh": "Director of Children's Services"},
    ),
    # --- minutes prose
    (
        MINUTES,
        "The Director of Children's Services, Emma Walsh, introduced the report and highlighted the main findings.",
        {"Emma Walsh": "Director of Children's Services"},
    ),
    (MINUTES, "The Chair, Councillor Sarah Mitchell, thanked officers for the report.", {"Sarah Mitchell": "Chair"}),
    (
        MINUTES,
        "In response to a question from Cllr Alison Reed, the Assistant Director for Safeguarding, David Lloyd, explained the timescales.",
        {"Alison Reed": None, "David Lloyd": "Assistant Director for Safeguarding"},
    ),
    (
        MINUTES,
        "Rachel Owen, Head of Children's Social Care, presented the report.",
        {"Rachel Owen": "Head of Children's Social Care"},
    ),
    (
        MINUTES,
        "The Cabinet Member for Children, Councillor Richard Kaye, moved the recommendations, which were seconded by Councillor Priya Shah.",
        {"Richard Kaye": "Cabinet Member for Children", "Priya Shah": None},
    ),
    (
        MINUTES,
        "Councillor Tom Bradley asked the Interim Director of Children's Services, Claire Robinson, whether the plan was funded.",
        {"Tom Bradley": None, "Claire Robinson": "Interim Director of Children's Services"},
    ),
    (
        MINUTES,
        "Mrs Joanne Pike, the parent governor representative, asked about exclusions.",
        {"Joanne Pike": "parent governor representative"},
    ),
    (
        MINUTES,
        "Mr Neil Foster, co-opted member, declared an interest as a foster carer.",
        {"Neil Foster": "co-opted member"},
    ),
    (
        MINUTES,
        "The Committee thanked Julie Dixon, Senior Democratic Services Officer, for her work.",
        {"Julie Dixon": "Senior Democratic Services Officer"},
    ),
    (
        MINUTES,
        "Emma Walsh, Director of Children's Services, and Rachel Owen, Head of Safeguarding, attended for this item.",
        {"Emma Walsh": "Director of Children's Services", "Rachel Owen": "Head of Safeguarding"},
    ),
    (MINUTES, "The Leader, Councillor Tom Bradley, proposed an amendment.", {"Tom Bradley": "Leader"}),
    (
        MINUTES,
        "The Vice-Chairman, Councillor Richard Kaye, took the chair for this item.",
        {"Richard Kaye": "Vice-Chairman"},
    ),
    (
        MINUTES,
        "Peter Holt, Team Manager, Children with Disabilities, outlined the short breaks offer.",
        {"Peter Holt": "Team Manager, Children with Disabilities"},
    ),
    (
        MINUTES,
        "Sophie Lang (Participation Officer) and two members of the Children in Care Council attended.",
        {"Sophie Lang": "Participation Officer"},
    ),
    # --- interim / acting / deputy / executive / lead member
    (
        NEWS,
        "Acting director of children's services Louise Barker said the team had risen to the challenge.",
        {"Louise Barker": "Acting director of children's services"},
    ),
    (
        NEWS,
        "Louise Barker, acting director of children's services, said the team had risen to the challenge.",
        {"Louise Barker": "acting director of children's services"},
    ),
    (
        NEWS,
        "Deputy director of children's social care Imran Akhtar said the front door was now safer.",
        {"Imran Akhtar": "Deputy director of children's social care"},
    ),
    (
        NEWS,
        "Executive director for people Helen Carter said costs were under control.",
        {"Helen Carter": "Executive director for people"},
    ),
    (
        NEWS,
        "Cllr Michael Brennan, deputy cabinet member for children's services, said the council would recruit more foster carers.",
        {"Michael Brennan": "deputy cabinet member for children's services"},
    ),
    (
        NEWS,
        "Imran Akhtar, interim assistant director of children's social care, said caseloads had fallen.",
        {"Imran Akhtar": "interim assistant director of children's social care"},
    ),
    (
        NEWS,
        'Lead member for children\'s services Cllr Gareth Evans said: "We will not be complacent."',
        {"Gareth Evans": "Lead member for children's services"},
    ),
    (
        NEWS,
        "Cllr Richard Kaye, the cabinet member responsible for children's services, said he was pleased.",
        {"Richard Kaye": "cabinet member responsible for children's services"},
    ),
    # --- national posts, MPs, other bodies
    (
        NEWS,
        "Children's Minister Claire Robinson visited the family hub on Friday.",
        {"Claire Robinson": "Children's Minister"},
    ),
    (
        NEWS,
        "Children's Commissioner for England Dame Rachel Owen said too many children were placed far from home.",
        {"Rachel Owen": "Children's Commissioner for England"},
    ),
    (
        NEWS,
        "Anytown MP Steve Thornton said the government must give councils more money.",
        {"Steve Thornton": "Anytown MP | MP for Anytown"},
    ),
    (
        NEWS,
        "Steve Thornton, MP for Anytown, said he had written to the minister.",
        {"Steve Thornton": "MP for Anytown"},
    ),
    (
        NEWS,
        "Education Secretary Fiona Grant announced the funding in a speech on Tuesday.",
        {"Fiona Grant": "Education Secretary"},
    ),
    (
        NEWS,
        "Yvette Example, Ofsted's national director for social care, said the framework would change.",
        {"Yvette Example": "national director for social care | Ofsted's national director for social care"},
    ),
    (
        NEWS,
        "Detective Superintendent Neil Foster, head of public protection at Anyshire Police, said the partnership was strong.",
        {"Neil Foster": "head of public protection | head of public protection at Anyshire Police"},
    ),
    (
        NEWS,
        "Louise Barker, chief executive of the children's charity Brightstart, said families were struggling.",
        {"Louise Barker": "chief executive of the children's charity Brightstart"},
    ),
    (
        NEWS,
        "Julie Dixon, chief nurse at Anyshire Integrated Care Board, said health partners were committed.",
        {"Julie Dixon": "chief nurse | chief nurse at Anyshire Integrated Care Board"},
    ),
    (
        NEWS,
        "Ofsted's regional director, Peter Holt, wrote to the council in March.",
        {"Peter Holt": "regional director | Ofsted's regional director"},
    ),
    (NEWS, "His Majesty's Inspector Sophie Lang led the inspection.", {"Sophie Lang": "His Majesty's Inspector"}),
    (
        NEWS,
        "Professor Alison Reed, the government-appointed children's services commissioner, will report in six months.",
        {"Alison Reed": "children's services commissioner | government-appointed children's services commissioner"},
    ),
    (
        NEWS,
        "Police and crime commissioner Michael Brennan said the force would play its part.",
        {"Michael Brennan": "Police and crime commissioner"},
    ),
    (
        NEWS,
        "Joanne Pike, headteacher of Anytown Primary School, said pupils had benefited.",
        {"Joanne Pike": "headteacher of Anytown Primary School"},
    ),
    # --- local newspaper style
    (
        NEWS,
        "Speaking at the meeting, Cllr Sarah Mitchell (Lab), cabinet member for children, said the report was encouraging.",
        {"Sarah Mitchell": "cabinet member for children"},
    ),
    (
        NEWS,
        "Cllr Tom Bradley (Con, Northfield), the authority's leader, said lessons had been learned.",
        {"Tom Bradley": "leader"},
    ),
    (NEWS, "Council boss Mark Davies admitted the authority had got things wrong.", {"Mark Davies": "Council boss"}),
    (NEWS, "Town hall chief Helen Carter told the Echo the council was changing.", {"Helen Carter": "Town hall chief"}),
    (
        NEWS,
        "Cllr Alison Reed, Liberal Democrat group leader, called the report damning.",
        {"Alison Reed": "Liberal Democrat group leader"},
    ),
    (
        NEWS,
        "Cllr Steve Thornton, leader of the Conservative opposition, said the council had failed children.",
        {"Steve Thornton": "leader of the Conservative opposition"},
    ),
    (
        NEWS,
        "The authority's children's boss, Emma Walsh, said the service was improving.",
        {"Emma Walsh": "children's boss"},
    ),
    (
        NEWS,
        '"We have listened," said Cllr Richard Kaye, who holds the children\'s portfolio.',
        {"Richard Kaye": "holds the children's portfolio"},
    ),
    (
        NEWS,
        "Former director of children's services Helen Carter left the council in 2022.",
        {"Helen Carter": "Former director of children's services"},
    ),
    # --- a role then two people; two posts for one person; the same person twice
    (
        NEWS,
        "Emma Walsh, director of children's services, said the council had a clear plan. Ms Walsh added that staff turnover had halved.",
        {"Emma Walsh": "director of children's services"},
    ),
    (
        NEWS,
        "Cllr Sarah Mitchell said she was proud. Cllr Mitchell, cabinet member for children, added that work would continue.",
        {"Sarah Mitchell": "cabinet member for children"},
    ),
    (
        NEWS,
        "Cllr Tom Bradley, leader of the council and chair of the health and wellbeing board, welcomed the news.",
        {"Tom Bradley": "leader of the council and chair of the health and wellbeing board"},
    ),
    (
        NEWS,
        "The report was presented by the joint chairs of the board, Cllr Priya Shah and Dr Imran Akhtar.",
        {
            "Priya Shah": "joint chairs of the board | joint chair of the board",
            "Imran Akhtar": "joint chairs of the board | joint chair of the board",
        },
    ),
    # --- post with "for", "of", commas, "and" inside
    (
        NEWS,
        "Fiona Grant, director of education, skills and learning, said exam results were up.",
        {"Fiona Grant": "director of education, skills and learning"},
    ),
    (
        NEWS,
        "Cllr Michael Brennan, cabinet member for children, young people and families, said the scheme had been a success.",
        {"Michael Brennan": "cabinet member for children, young people and families"},
    ),
    (
        NEWS,
        "Amanda Hughes, head of fostering and adoption, said 30 new carers had been approved.",
        {"Amanda Hughes": "head of fostering and adoption"},
    ),
    (
        NEWS,
        "Cllr Gareth Evans, cabinet member for children's services and education, said schools were central to the plan.",
        {"Gareth Evans": "cabinet member for children's services and education"},
    ),
    (
        NEWS,
        "Paul Jenkins, director of children and family services, said the judgement was fair, and thanked staff.",
        {"Paul Jenkins": "director of children and family services"},
    ),
    (
        NEWS,
        "Andrew Marsh, service director for children's social care, said the council had invested £2m.",
        {"Andrew Marsh": "service director for children's social care"},
    ),
    # --- minutes and news forms added after the first run
    (
        MINUTES,
        "Present:\nCouncillors S Mitchell (Chair), R Kaye and A Reed\nOfficers:\nE Walsh – Director of Children's Services\nR Owen – Head of Safeguarding",
        {
            "S Mitchell": "Chair",
            "R Kaye": None,
            "A Reed": None,
            "E Walsh": "Director of Children's Services",
            "R Owen": "Head of Safeguarding",
        },
    ),
    (
        MINUTES,
        "The meeting was also attended by Emma Walsh (DCS) and Rachel Owen (HoS Safeguarding).",
        {"Emma Walsh": "DCS", "Rachel Owen": "HoS Safeguarding"},
    ),
    (
        MINUTES,
        "Rachel Owen, Head of Service – Children Looked After, gave a presentation.",
        {"Rachel Owen": "Head of Service – Children Looked After"},
    ),
    (
        MINUTES,
        "Emma Walsh (Director of Children's Services, Anyshire County Council) spoke to the report.",
        {"Emma Walsh": "Director of Children's Services"},
    ),
    (
        MINUTES,
        "Karen Phillips, Service Manager (Fostering), said recruitment had improved.",
        {"Karen Phillips": "Service Manager (Fostering)"},
    ),
    (
        NEWS,
        "Emma Walsh, the outgoing director of children's services, said she was proud.",
        {"Emma Walsh": "director of children's services | outgoing director of children's services"},
    ),
    (
        NEWS,
        "Karen Phillips, a senior practitioner in the fostering team, said the work was varied.",
        {"Karen Phillips": "senior practitioner | senior practitioner in the fostering team"},
    ),
    (NEWS, "Tom Bradley, the Conservative councillor for Northfield, said the plan was flawed.", {"Tom Bradley": None}),
    (
        NEWS,
        "Rachel Owen, family hubs programme manager, said more families were using the hubs.",
        {"Rachel Owen": "family hubs programme manager"},
    ),
    (
        NEWS,
        "Louise Barker, SEND transformation lead, said the waiting list had fallen.",
        {"Louise Barker": "SEND transformation lead"},
    ),
    (
        NEWS,
        "Joanne Pike, early help locality manager, said families were seen sooner.",
        {"Joanne Pike": "early help locality manager"},
    ),
    (
        NEWS,
        "Neil Foster, kinship care support worker, said grandparents needed help.",
        {"Neil Foster": "kinship care support worker"},
    ),
    (
        NEWS,
        "Peter Holt, adoption panel adviser, said matches were made faster.",
        {"Peter Holt": "adoption panel adviser"},
    ),
    (
        NEWS,
        "Sophie Lang, leaving care personal adviser, said young people valued the support.",
        {"Sophie Lang": "leaving care personal adviser"},
    ),
    (
        NEWS,
        "Imran Akhtar, who has been head of fostering for more than a decade, said the service had grown.",
        {"Imran Akhtar": "head of fostering"},
    ),
    (NEWS, "Cllr Alison Reed, mother of two and a former teacher, said parents were worried.", {"Alison Reed": None}),
    (
        NEWS,
        "Karen Phillips, whose son has a social worker, said the support had changed their lives.",
        {"Karen Phillips": None},
    ),
    (
        NEWS,
        "The council leader, Cllr Tom Bradley, and the cabinet member for children, Cllr Richard Kaye, met the inspectors.",
        {"Tom Bradley": "council leader", "Richard Kaye": "cabinet member for children"},
    ),
    # --- negatives: no post
    (NEWS, "Cllr Sarah Mitchell said the report was encouraging.", {"Sarah Mitchell": None}),
    (NEWS, "Councillor Tom Bradley welcomed the findings.", {"Tom Bradley": None}),
    (NEWS, "The cabinet member for children's services said the report was encouraging.", {}),
    (NEWS, "The director of children's services will present the plan to cabinet in June.", {}),
    (NEWS, "Emma Walsh said the service had improved since she joined.", {"Emma Walsh": None}),
    (MINUTES, "Councillor Priya Shah, a foster carer, declared a personal interest.", {"Priya Shah": "foster carer"}),
    (NEWS, "Cllr Alison Reed, who represents Northfield ward, asked about the closure.", {"Alison Reed": None}),
    (NEWS, "Sarah Mitchell, 42, from Anytown, has fostered 30 children.", {"Sarah Mitchell": None}),
    # --- more before-name forms from minutes and reports
    (
        MINUTES,
        "Head of Service for Children in Care Rachel Owen gave an update on placements.",
        {"Rachel Owen": "Head of Service for Children in Care"},
    ),
    (
        MINUTES,
        "The Corporate Director of Children's Services (Fiona Grant) presented the report.",
        {"Fiona Grant": "Corporate Director of Children's Services"},
    ),
    (
        MINUTES,
        "The Chief Executive (Mark Davies) reported on the inspection outcome.",
        {"Mark Davies": "Chief Executive"},
    ),
    (
        MINUTES,
        "Julie Dixon, Designated Nurse for Safeguarding Children, gave the health perspective.",
        {"Julie Dixon": "Designated Nurse for Safeguarding Children"},
    ),
    (
        MINUTES,
        "Neil Foster, Independent Reviewing Officer, said children's plans were reviewed on time.",
        {"Neil Foster": "Independent Reviewing Officer"},
    ),
    (
        MINUTES,
        "Members welcomed Louise Barker, the new Assistant Director for Education, to her first meeting.",
        {"Louise Barker": "Assistant Director for Education"},
    ),
    (
        MINUTES,
        "Peter Holt, Chair of the Anyshire Foster Carers Association, addressed the Panel.",
        {"Peter Holt": "Chair of the Anyshire Foster Carers Association"},
    ),
    (
        MINUTES,
        "Sophie Lang, a care leaver and member of the Children in Care Council, spoke about her experience.",
        {
            "Sophie Lang": "member of the Children in Care Council | care leaver and member of the Children in Care Council"
        },
    ),
    (
        REPORT,
        "Signed: Emma Walsh\nDirector of Children's Services\nDate: 4 March 2024",
        {"Emma Walsh": "Director of Children's Services"},
    ),
    (
        REPORT,
        "Decision maker: Cllr Sarah Mitchell, Cabinet Member for Children's Services",
        {"Sarah Mitchell": "Cabinet Member for Children's Services"},
    ),
    (
        REPORT,
        "Background papers: none\nContact: Amanda Hughes, Business Manager, Anyshire Safeguarding Children Partnership",
        {"Amanda Hughes": "Business Manager, Anyshire Safeguarding Children Partnership | Business Manager"},
    ),
    (
        NEWS,
        "The council's assistant director of education, Louise Barker, said the new special school would open in 2026.",
        {"Louise Barker": "assistant director of education"},
    ),
    (
        NEWS,
        "Ofsted inspectors praised the work of Principal Social Worker Karen Phillips and her team.",
        {"Karen Phillips": "Principal Social Worker"},
    ),
    (
        NEWS,
        "The letter was signed by Yvette Example, His Majesty's Inspector.",
        {"Yvette Example": "His Majesty's Inspector"},
    ),
    (
        NEWS,
        "Cllr Imran Akhtar, Anyshire County Council's shadow cabinet member for children, said questions remained.",
        {"Imran Akhtar": "shadow cabinet member for children"},
    ),
    (NEWS, "Mayor of Anytown Cllr Julie Dixon opened the new family hub.", {"Julie Dixon": "Mayor of Anytown"}),
    # --- more forms
    (
        REPORT,
        "Yours sincerely\n\nEmma Walsh\nDirector of Children's Services\nAnyshire County Council",
        {"Emma Walsh": "Director of Children's Services"},
    ),
    (REPORT, "Cabinet Member: Cllr Sarah Mitchell\nWards affected: all", {"Sarah Mitchell": "Cabinet Member"}),
    (
        NEWS,
        "Cllr Sarah Mitchell (Cabinet Member for Children and Families) said the council was listening.",
        {"Sarah Mitchell": "Cabinet Member for Children and Families"},
    ),
    (
        NEWS,
        "Cllr Richard Kaye – cabinet member for children – said the news was welcome.",
        {"Richard Kaye": "cabinet member for children"},
    ),
    (
        NEWS,
        "Dr Imran Akhtar, designated doctor for safeguarding children, said health visitors were key.",
        {"Imran Akhtar": "designated doctor for safeguarding children"},
    ),
    (
        NEWS,
        "Emma Walsh, children's services director, said the council was proud.",
        {"Emma Walsh": "children's services director"},
    ),
    (
        NEWS,
        "Cllr Gareth Evans, the council's cabinet member with responsibility for children's services, said it was a team effort.",
        {"Gareth Evans": "cabinet member with responsibility for children's services"},
    ),
    (
        NEWS,
        "Cllr Michael Brennan, cabinet lead for children's services, said the plan was working.",
        {"Michael Brennan": "cabinet lead for children's services"},
    ),
    (
        NEWS,
        "Louise Barker, strategic lead for SEND, said waiting times had fallen.",
        {"Louise Barker": "strategic lead for SEND"},
    ),
    (MINUTES, "Imran Akhtar (Interim DCS) gave an update on recruitment.", {"Imran Akhtar": "Interim DCS"}),
    (
        NEWS,
        "Claire Robinson has been appointed the new director of children's services.",
        {"Claire Robinson": "new director of children's services | director of children's services"},
    ),
    (
        NEWS,
        "Lucy Fowler, head of the virtual school, said more children were in education.",
        {"Lucy Fowler": "head of the virtual school"},
    ),
    (
        MINUTES,
        "Councillor Sarah Mitchell, Chair of the Committee, opened the meeting.",
        {"Sarah Mitchell": "Chair of the Committee"},
    ),
    (
        NEWS,
        "Sir Peter Holt, chairman of the children's services improvement board, said progress was clear.",
        {"Peter Holt": "chairman of the children's services improvement board"},
    ),
    (
        NEWS,
        "Neil Foster, deputy chief constable of Anyshire Police, said officers would support social workers.",
        {"Neil Foster": "deputy chief constable of Anyshire Police | deputy chief constable"},
    ),
    (
        NEWS,
        "Joanne Pike, youth justice service manager, said reoffending had dropped.",
        {"Joanne Pike": "youth justice service manager"},
    ),
    (
        NEWS,
        "Julie Dixon, the council's SEND and inclusion manager, said plans were issued on time.",
        {"Julie Dixon": "SEND and inclusion manager"},
    ),
    (
        NEWS,
        "Cllr Alison Reed, chair of the council's children's scrutiny panel, said members were reassured.",
        {"Alison Reed": "chair of the council's children's scrutiny panel | chair of the children's scrutiny panel"},
    ),
    (
        NEWS,
        "Emma Walsh, who was appointed director of children's services last year, said the service was stable.",
        {"Emma Walsh": "director of children's services"},
    ),
    (
        NEWS,
        "Foster carer Sophie Lang, who has looked after 20 children, said the support was excellent.",
        {"Sophie Lang": "Foster carer"},
    ),
    (
        NEWS,
        "Karen Phillips, a social worker in the council's fostering team, said the work was rewarding.",
        {"Karen Phillips": "social worker | social worker in the council's fostering team"},
    ),
    (
        MINUTES,
        "The Head of Service (Rachel Owen) and the Team Manager (Peter Holt) answered questions.",
        {"Rachel Owen": "Head of Service", "Peter Holt": "Team Manager"},
    ),
    (
        NEWS,
        "Helen Carter, who has been the director of children's services since 2019, will retire in July.",
        {"Helen Carter": "director of children's services"},
    ),
    (
        NEWS,
        "Cllr Tom Bradley, the leader, and Mark Davies, the chief executive, signed the letter.",
        {"Tom Bradley": "leader", "Mark Davies": "chief executive"},
    ),
]


def header(context: str) -> tuple[str, str]:
    """The text put before a probe and the page's address, by context."""
    if context == NEWS:
        return "Anyshire County Council news\n\n", "https://www.anyshire.gov.uk/news/1"
    if context == MINUTES:
        return (
            "Anyshire County Council\nChildren and Young People Scrutiny Committee\nMinutes of the meeting held on "
            "12 March 2024\n\n",
            "https://democracy.anyshire.gov.uk/mgIssueHistoryHome.aspx?IId=1",
        )
    return (
        "Anyshire County Council\nCabinet, 12 March 2024\nAgenda item 6: Ofsted inspection of children's services\n\n",
        "https://democracy.anyshire.gov.uk/documents/s1/report.pdf",
    )


def run(text: str, context: str) -> dict[str, str | None]:
    """Name -> post of each person the extractor finds in a probe."""
    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    head, url = header(context)
    # a closing line: a page that ends inside a post is read as cut off, which no probe is about
    body = head + text + "\n\nEnds\n"
    x = extract(segment(SourceDocument("x.txt", body, "0", "txt", len(body), url=url)))
    return {p.name: p.post for p in x.people}


def compare(found: dict[str, str | None], expected: dict[str, str | None]) -> list[str]:
    """The differences between the people found and the people expected, as the scorer compares them."""
    from caregraph.gold import normalise_name, normalise_post

    def post(p: str | None) -> str | None:
        # the made-up council's name stands for a real one, which the scorer leaves out of a post
        return normalise_post(p.replace("Anyshire", "Rutland")) if p else None

    got = {normalise_name(n): post(p) for n, p in found.items()}
    want = {normalise_name(n): {post(a) for a in p.split(" | ")} if p else {None} for n, p in expected.items()}
    out = []
    for n, p in want.items():
        if n not in got:
            out.append(f"- {n} (missed)")
        elif got[n] not in p:
            out.append(f"~ {n}: {got[n]!r} not in {sorted(map(str, p))!r}")
    out += [f"+ {n}: {got[n]!r}" for n in got if n not in want]
    return out


def table_probes(path: Path) -> list[tuple[str, str, str, dict[str, str | None]]]:
    """The probes written as rows of the table at ``path`` (round 19 on): ``| P1 | context | text | expected |``
    (round 20's rows ``R1`` …, round 21's ``W1`` …), ``text`` with ``\\n`` for a line break, ``expected`` "Name =
    post" or "Name (no post)" joined by "; ", "A OR B" where an annotator may write either."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) != 4 or not re.fullmatch(r"[PRW]\d+", cells[0]):
            continue
        expected: dict[str, str | None] = {}
        for pair in cells[3].split("; "):
            if pair == "(no one)":
                continue
            if pair.endswith(" (no post)"):
                expected[pair.removesuffix(" (no post)")] = None
            else:
                name, _, post = pair.partition(" = ")
                expected[name] = post.replace(" OR ", " | ")
        out.append((cells[0], cells[1], cells[2].replace("\\n", "\n"), expected))
    return out


def main() -> None:
    failed = 0
    rows = []
    tables = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    extra = [p for t in tables for p in table_probes(t)]
    extra_failed = 0
    for ident, context, text, expected in extra:
        diff = compare(run(text, context), expected)
        extra_failed += bool(diff)
        if diff:
            print(f"{ident} [{context}] {text}\n   " + "\n   ".join(diff))
    if extra:
        print(f"{extra_failed} of {len(extra)} table probes fail")
    for i, (context, text, expected) in enumerate(PROBES, 1):
        diff = compare(run(text, context), expected)
        ok = not diff
        failed += not ok
        if not ok:
            print(f"#{i} [{context}] {text}\n   " + "\n   ".join(diff))
        pairs = (
            "; ".join(f"{n} = {p.replace(' | ', ' OR ')}" if p else f"{n} (no post)" for n, p in expected.items())
            or "(no one)"
        )
        rows.append(
            f"| {i} | {context} | {text.replace(chr(10), ' / ').replace('|', '/')} | {pairs} | {'pass' if ok else 'FAIL'} |"
        )
    print(f"{failed} of {len(PROBES)} probes fail")
    if "--table" in sys.argv:  # (printed, not written over posts.md: that file holds more than this table)
        print("\n| # | context | text | expected | now |\n|---|---|---|---|---|\n" + "\n".join(rows))


if __name__ == "__main__":
    main()
