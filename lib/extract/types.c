/*
 * extract/types.c: the event vocabulary with its ACLED and CAMEO mappings,
 * and certainty names. Owns only static const tables; docs/EVENTS.md
 * documents each type. Must stay in step with that page.
 */
#include <string.h>

#include "truce/extract.h"

static const truce_event_type_info TYPES[] = {
    {"conflict.armed_clash", "Battles", "Armed clash", "19"},
    {"conflict.shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack", "19"},
    {"conflict.air_strike", "Explosions/Remote violence", "Air/drone strike", "19"},
    {"conflict.mine_explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED", "19"},
    {"conflict.territory_taken", "Battles", "Government regains territory", "19"},
    {"conflict.warning_fire", "Strategic developments", "Other", "15"},
    {"civilians.attack", "Violence against civilians", "Attack", "18"},
    {"civilians.abduction", "Violence against civilians", "Abduction/forced disappearance", "18"},
    {"protest.demonstration", "Protests", "Peaceful protest", "14"},
    {"protest.hunger_strike", "Protests", "Peaceful protest", "14"},
    {"protest.blockade", "Protests", "Protest with intervention", "14"},
    {"riot.violent", "Riots", "Violent demonstration", "14"},
    {"agreement.ceasefire", "Strategic developments", "Agreement", "03"},
    {"agreement.other", "Strategic developments", "Agreement", "03"},
    {"territory.transfer", "Strategic developments", "Non-violent transfer of territory", "08"},
    {"military.deployment", "Strategic developments", "Other", "15"},
    {"military.withdrawal", "Strategic developments", "Other", "08"},
    {"military.fortification", "Strategic developments", "Other", "15"},
    {"military.base_established", "Strategic developments", "Headquarters or base established", "15"},
    {"military.demobilization", "Strategic developments", "Other", "08"},
    {"military.recruitment", "Strategic developments", "Other", "15"},
    {"humanitarian.return", "Strategic developments", "Other", "07"},
    {"humanitarian.displacement", "Strategic developments", "Other", "07"},
    {"humanitarian.aid", "Strategic developments", "Other", "07"},
    {"humanitarian.demining", "Strategic developments", "Other", "07"},
    {"humanitarian.prisoner_exchange", "Strategic developments", "Other", "08"},
    {"diplomacy.meeting", "Strategic developments", "Other", "04"},
    {"diplomacy.visit", "Strategic developments", "Other", "04"},
    {"statement.accusation", "Strategic developments", "Other", "11"},
    {"statement.demand", "Strategic developments", "Other", "10"},
    {"statement.threat", "Strategic developments", "Other", "13"},
    {"statement.position", "Strategic developments", "Other", "01"},
    {"statement.intent", "Strategic developments", "Other", "03"},
    {"statement.denial", "Strategic developments", "Other", "12"},
};

const truce_event_type_info *truce_event_types(size_t *n)
{
    if (n)
        *n = sizeof TYPES / sizeof TYPES[0];
    return TYPES;
}

const truce_event_type_info *truce_event_type_lookup(const char *type)
{
    if (!type)
        return NULL;
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (strcmp(TYPES[i].type, type) == 0)
            return &TYPES[i];
    return NULL;
}

const char *truce_certainty_name(truce_certainty c)
{
    switch (c) {
    case TRUCE_CERT_REPORTED: return "reported";
    case TRUCE_CERT_CLAIMED: return "claimed";
    case TRUCE_CERT_ALLEGED: return "alleged";
    case TRUCE_CERT_PLANNED: return "planned";
    case TRUCE_CERT_DENIED: return "denied";
    default: return "unknown";
    }
}
