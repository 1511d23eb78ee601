"""Word lists the actor and speaker rules read: speech verbs, cues, groups, labels."""
from __future__ import annotations

# Word forms of speech and reporting verbs (the lemmatizer is not run).
SPEECH_VERBS = {
    "en": {
        "said", "says", "say", "told", "tells", "tell", "estimated", "estimates", "estimate",
        "reported", "reports", "claimed", "claims", "announced", "announces", "stated", "states",
        "noted", "notes", "added", "adds", "wrote", "writes", "put", "puts", "shows", "showed",
        "found", "finds", "indicated", "indicates", "confirmed", "confirms", "revealed", "reveals",
        "insisted", "warned", "explained", "acknowledged", "admitted", "pointed", "calculated",
        "identified", "believes", "believed", "boasted", "declared", "expects", "expected",
        "forecasts", "forecast", "concluded", "concludes", "describes", "described", "projects",
        "projected", "predicts", "predicted", "assessed", "assesses", "suggests", "suggested",
    },
    "fr": {
        "déclaré", "déclare", "annoncé", "annonce", "indiqué", "indique", "rapporté", "rapporte",
        "affirmé", "affirme", "estimé", "estime", "précisé", "précise", "souligné", "souligne",
        "détaillé", "détaille", "expliqué", "explique", "assuré", "assure", "révèle", "révélé",
        "signalé", "signale", "ajouté", "ajoute", "confirmé", "confirme", "dit", "dit-il",
        "avance", "avancé", "écrit", "calcule", "calculé", "compte", "recense", "recensé",
        "évalue", "évalué", "chiffre", "chiffré", "prévient", "prévenu", "martelé", "martèle",
        "reconnu", "reconnaît", "vanté", "vantait", "soutient", "soutenu", "réitéré", "réitère",
        "attend", "prévoit", "prévu", "fait", "publié", "publie", "constate", "constaté",
        "faisant", "montre", "montré", "conclut", "conclu", "affiche", "informe", "précisant",
        "indiquant", "expliquant", "soulignant", "ajoutant", "affirmant",
    },
}
# Verbs whose subject receives: the actor of a delivery is the giver.
RECEIVE_VERBS = {"received", "receives", "receive", "obtained", "got", "get", "gets", "getting",
                 "reçoit", "reçu", "recevra",
                 "recevoir", "obtenu", "obtient", "touché", "perçoit"}
RELATIVES = {"qui", "which", "who", "that"}
DE = {"de", "du", "des", "d'", "d’"}
# Prepositions that credit their object: "selon X", "d'après X", "according to X".
ATTRIBUTION_PREPOSITIONS = {"selon", "according", "citing", "per", "après"}
PRONOUNS = {
    "en": {"he": "person", "she": "person", "they": "speaker", "it": "body"},
    "fr": {"il": "person", "elle": "person", "ils": "speaker", "elles": "speaker", "t-il": "person",
           "t-elle": "person", "-t-il": "person", "-t-elle": "person", "-il": "person", "-elle": "person"},
}
# Nouns that refer back to the last named body ("the think tank", "l'institut").
BODY_NOUNS = {
    "agency", "organization", "organisation", "institute", "ministry", "think", "tank", "digest",
    "outlet", "group", "report", "study", "army", "military", "bank", "company", "firm", "survey",
    "organizations", "organisations", "centre", "center", "commission", "council", "newspaper",
    "agence", "institut", "ministère", "armée", "étude", "rapport", "organisme", "entreprise",
    "groupe", "banque", "journal", "magazine", "site", "communiqué", "déclaration", "conseil",
    "research", "analysis", "findings", "data", "figures", "estimates", "recherche", "analyse",
    "données", "chiffres", "estimations", "enquête",
}
# Roles that credit the body they belong to ("the head of the Kiel Institute").
ROLE_NOUNS = {
    "head", "chief", "director", "spokesman", "spokeswoman", "spokesperson", "commander", "president",
    "minister", "secretary", "member", "members", "representative", "representatives", "envoy",
    "official", "officials", "chef", "directeur", "directrice", "porte-parole", "commandant",
    "président", "présidente", "ministre", "secrétaire", "membre", "membres", "représentant",
    "représentants", "responsable", "responsables", "dirigeant", "dirigeants", "patron",
}
# Determiners that make a noun refer back to something named before.
DEFINITE = {"the", "this", "these", "that", "its", "their", "le", "la", "l'", "l’", "les", "ce", "cet",
             "cette", "ces", "son", "sa", "ses", "leur", "leurs"}
# Groups tied to no government or organisation: their figures have no speaker.
UNTIED_GROUPS = {
    "expert", "experts", "analyst", "analysts", "observer", "observers", "economist", "economists",
    "economistes", "économistes", "analystes", "observateurs", "experts", "researchers",
    "chercheurs", "sources", "médecins", "doctors", "witnesses", "témoins", "residents",
    "habitants", "leaders", "dirigeants",
}
# Groups that speak for the country the document is about when none is named
# ("according to authorities").
TIED_GROUPS = {"authorities", "officials", "autorités", "responsables", "officiels"}
PERSON_LABELS = {"PERSON", "PER"}
BODY_LABELS = {"ORG"}
PLACE_LABELS = {"GPE", "LOC", "NORP"}
NAME_LABELS = PERSON_LABELS | BODY_LABELS | {"MISC"}
# Dependency labels that stay inside a noun phrase when reading its name.
NP_DEPS = {
    "compound", "amod", "flat", "flat:name", "flat:foreign", "det", "nmod", "case", "poss",
    "fixed", "nmod:poss", "nn", "npadvmod", "pobj", "prep", "cc", "conj",
}
QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
# Verbs whose subject attacks ("Russia launched 420 drones", "l'armée russe a tiré 30 missiles").
LAUNCH_VERBS = {
    "launched", "launches", "launch", "fired", "fires", "fire", "sent", "attacked", "attacks",
    "lancé", "lance", "lancés", "lancées", "tiré", "tire", "tirés", "tirées", "envoyé", "attaqué",
}
# Nouns of weapons that are launched and shot down: an adjective on them names their owner.
WEAPON_NOUNS = {
    "drone", "drones", "missile", "missiles", "rocket", "rockets", "aircraft", "plane", "planes",
    "jet", "jets", "helicopter", "helicopters", "bomb", "bombs", "uav", "uavs", "shahed", "shaheds",
    "roquette", "roquettes", "avion", "avions", "hélicoptère", "hélicoptères", "bombe", "bombes",
}
# Currencies: a country word on them names no performer ("the US dollar", "le rouble russe").
CURRENCY_NOUNS = {
    "dollar", "dollars", "euro", "euros", "ruble", "rubles", "rouble", "roubles", "hryvnia", "hryvnias",
    "yuan", "pound", "pounds", "livre", "livres", "yen", "currency", "monnaie", "devise",
}
# Nouns of a forecast: whoever owns one ("its forecast", "sa prévision") asserts its figure.
FORECAST_NOUNS = {
    "forecast", "forecasts", "projection", "projections", "outlook", "prévision", "prévisions",
    "projection", "perspective", "perspectives",
}
POSSESSIVES = {"its", "their", "his", "her", "son", "sa", "ses", "leur", "leurs"}
# Pronouns that may stand for a country or body named before ("it launched", "elle a produit").
# ("ils"/"elles" left out: they stand for things or people far more often, dev sets 2026-11.)
THIRD_PERSON = {"it", "they", "il", "elle"}
THIRD_POSSESSIVES = {"its", "their", "leur", "leurs"}
PLURAL_PRONOUNS = {"they", "their", "leur", "leurs"}
# Nouns whose size is a population ("a population of 42 million", "a city of 3 million");
# the first two are populations themselves ("the population was 2.1 million").
POPULATION_NOUNS = ("population", "populations", "city", "town", "village", "ville", "localité")
# Words that make a population a labour force ("la population active"), which counts workers.
LABOUR_WORDS = {"active", "working", "labour", "labor", "actifs"}
# Nouns of aid: a "from X" / "de X" on them names the giver ("assistance from the EU").
AID_NOUNS = {
    "aid", "assistance", "support", "funding", "financing", "loan", "loans", "grant", "grants",
    "package", "tranche", "aide", "aides", "soutien", "financement", "financements", "prêt", "prêts",
    "don", "dons", "enveloppe", "tranche", "subvention", "subventions",
}
# Nouns of an armed force or its action: a country on them names the attacker.
ARMED_NOUNS = {
    "army", "armies", "forces", "force", "troops", "military", "strikes", "strike", "attack", "attacks",
    "shelling", "bombardment", "bombardments", "airstrikes", "offensive",
    "armée", "armées", "forces", "troupes", "militaires", "frappes", "frappe", "attaque", "attaques",
    "bombardement", "bombardements", "tirs", "offensive", "soldats", "soldiers",
}
# Items that happen between sides: how long they last has no one actor.
SHARED_EVENTS = {"talks", "call", "meeting", "negotiations", "summit", "ceasefire", "truce", "visit"}
# Nouns of a relation: a country on them names the other side ("Ukrainian allies").
RELATION_NOUNS = {
    "allies", "ally", "partners", "partner", "backers", "supporters", "enemies", "enemy", "neighbours",
    "neighbors", "alliés", "allié", "partenaires", "partenaire", "soutiens", "ennemis", "voisins",
}
# Nouns of the members of a group: the group is the actor ("members of NATO").
MEMBER_NOUNS = {"members", "member", "states", "membres", "états"}
# Items of a person's own wealth: a person who has them is the actor ("Poutine a accumulé").
WEALTH_ITEMS = {"money", "wealth", "fortune", "salary", "income", "asset", "assets", "property"}
# People who left their homes: like refugees and the displaced, no actor (CLAIMS.md).
UPROOTED = {"refugee", "migrant", "asylum seeker", "displaced person", "evacuee"}
# Nouns and verbs of an action done to people: the nationality of those it counts is not
# the actor's ("training thousands of Ukrainian soldiers" in the UK: the UK trains).
PATIENT_NOUNS = {
    "training", "train", "trained", "trains", "evacuation", "evacuate", "evacuated", "treatment",
    "treat", "treated", "formation", "former", "formé", "forme", "entraînement", "entraîner", "entraîné",
    "évacuation", "évacuer", "évacué", "soins", "soigner", "soigné", "accueil", "accueillir", "accueilli",
    "hosting", "host", "hosted", "hosts",
}
# Words after "X-" that make country X the maker of a thing ("Ukrainian-made missiles");
# "designed" is left out: the designer of a Shahed is not who launches it.
MADE_WORDS = {"made", "built", "produced", "manufactured"}
# French nouns and participles of making: "de fabrication ukrainienne", "fabriqués en Ukraine".
MAKING_WORDS = {"fabrication", "production"}
MADE_PARTICIPLES = {"fabriqué", "fabriqués", "fabriquée", "fabriquées", "made", "built", "produced"}
# Parts of those words, to skip at once the sentences that have none.
MAKING_CLUES = ("made", "built", "produced", "manufactured", "fabri", "production")
# Words of land held by force: its size is the occupier's ("the occupied territories").
OCCUPIED_WORDS = {
    "occupied", "annexed", "seized", "captured", "occupé", "occupés", "occupée", "occupées", "annexé",
    "annexés", "annexée", "annexées", "conquis", "conquises",
}
# Nouns of the sides of a war: "both sides", "les deux camps" name no single performer.
SIDE_NOUNS = {"sides", "parties", "armies", "camps", "belligérants", "belligerents", "côtés"}
BOTH_WORDS = {"both", "deux", "two"}
# Nouns of a share, and the determiners that make one refer back ("that share fell to
# 4%", "cette part a chuté à 4 %"): the share of the figure just before.
SHARE_NOUNS = {"share", "proportion", "portion", "part", "quote-part"}
DEMONSTRATIVES = {"that", "this", "cette", "ce", "cet"}
# Participles that place somewhere: a distance they govern is no one's act.
LOCATED_WORDS = {
    "located", "situated", "lying", "situé", "située", "situés", "situées", "localisé", "localisée",
}
# Nouns of attacks: unnamed, they are the recent attacker's ("the strikes left 200,000
# homes without power").
ATTACK_NOUNS = {
    "attack", "attacks", "strike", "strikes", "airstrikes", "shelling", "bombardment", "bombardments", "raids",
    "attaque", "attaques", "frappe", "frappes", "bombardement", "bombardements", "tirs",
}
# Words after an impersonal "il" ("il y a", "il faut", "il s'agit"): it stands for no one.
IMPERSONAL_AFTER = {"y", "faut", "fallait", "faudra", "s'agit", "s’agit", "semble", "reste", "manque"}
# Words of lending, and of the deal a loan is agreed in: who the deal is made with lends
# ("a deal with the IMF for a $8bn lending programme").
LENDING_WORDS = {"lending", "loan", "loans", "credit", "prêt", "prêts", "crédit", "crédits", "facility"}
DEAL_NOUNS = {"deal", "agreement", "accord", "arrangement", "entente"}
# Verbs of saying only a speaker can be the subject of ("shows", "montre" may have a figure
# for subject): a noun right before one is the source.
SAY_WORDS = {"said", "say", "says", "told", "disent", "affirment", "déclarent"}
# Words of exception before a figure: it counts what the verb spared ("downed all but 26
# drones": 26 got through).
SPARING_WORDS = (
    "all but", "tous sauf", "toutes sauf", "sauf", "à l'exception de", "à l’exception de", "except",
)
# Nouns of a stretch of land or sea: a country adjective on one in a place phrase locates
# ("in two Ukrainian regions", "au port russe d'Oust-Louga"), where on a plant or a unit
# ("produced in Russian plants") it names the owner.
LAND_NOUNS = {
    "region", "regions", "city", "cities", "town", "towns", "village", "villages", "port", "ports",
    "territory", "territories", "province", "provinces", "oblast", "oblasts", "area", "areas", "coast",
    "border", "soil", "waters", "airspace", "capital",
    "région", "régions", "ville", "villes", "localité", "localités", "territoire", "territoires",
    "côte", "côtes", "frontière", "sol", "eaux", "espace", "capitale",
}
