/**
 * Status, stage and level words that country trackers use, in English, French and Spanish, folded
 * (no accents, lower case). Checked before the foundation's matchers so that the common words of
 * trackers map exactly; anything else goes to the matchers of core/reference.
 */
import { foldText } from "./text";

function table(rows: readonly (readonly [string, readonly string[]])[]): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const [canonical, words] of rows) for (const w of [canonical, ...words]) m.set(foldText(w), canonical);
  return m;
}

export const STATUS_WORDS = table([
  // Tracker words beyond the plan's own: a pipeline or approved activity is planned, one on track is under way.
  [
    "Planned",
    [
      "in preparation",
      "pipeline",
      "in the pipeline",
      "approved",
      "proposed",
      "en preparation",
      "en preparacion",
      "propose",
      "approuve",
      "aprobado",
      "propuesto",
    ],
  ],
  ["In progress", ["on track", "on schedule"]],
  [
    "Not started",
    [
      "not yet started",
      "to start",
      "pending",
      "non commence",
      "non demarre",
      "pas commence",
      "pas encore commence",
      "a demarrer",
      "a venir",
      "no iniciado",
      "no iniciada",
      "sin iniciar",
      "no comenzado",
      "pendiente",
      "por iniciar",
    ],
  ],
  [
    "Planned",
    [
      "plan",
      "scheduled",
      "foreseen",
      "programmed",
      "planifie",
      "planifiee",
      "prevu",
      "prevue",
      "programme",
      "programmee",
      "planificado",
      "planificada",
      "previsto",
      "prevista",
      "programado",
      "programada",
      "planeado",
    ],
  ],
  [
    "In progress",
    [
      "ongoing",
      "on going",
      "on-going",
      "underway",
      "under way",
      "started",
      "active",
      "in process",
      "in implementation",
      "en cours",
      "en cours d execution",
      "en cours de mise en oeuvre",
      "demarre",
      "en curso",
      "en ejecucion",
      "en proceso",
      "iniciado",
      "iniciada",
      "en marcha",
    ],
  ],
  [
    "Completed",
    [
      "complete",
      "done",
      "finished",
      "closed",
      "achieved",
      "termine",
      "terminee",
      "acheve",
      "achevee",
      "realise",
      "realisee",
      "fini",
      "finie",
      "cloture",
      "cloturee",
      "completado",
      "completada",
      "terminado",
      "terminada",
      "finalizado",
      "finalizada",
      "concluido",
      "concluida",
      "realizado",
      "realizada",
    ],
  ],
  [
    "Delayed",
    [
      "late",
      "behind schedule",
      "postponed",
      "on hold",
      "en retard",
      "retarde",
      "retardee",
      "reporte",
      "reportee",
      "suspendu",
      "suspendue",
      "retrasado",
      "retrasada",
      "aplazado",
      "aplazada",
      "demorado",
      "suspendido",
    ],
  ],
  [
    "Cancelled",
    [
      "canceled",
      "dropped",
      "abandoned",
      "annule",
      "annulee",
      "abandonne",
      "abandonnee",
      "cancelado",
      "cancelada",
      "anulado",
      "anulada",
    ],
  ],
]);

export const STAGE_WORDS = table([
  ["Identification", ["identify", "identified", "identifier", "identificacion"]],
  [
    "Planning",
    [
      "plan",
      "planning stage",
      "design",
      "preparation",
      "planification",
      "conception",
      "planificacion",
      "diseno",
      "preparacion",
    ],
  ],
  [
    "Implementation",
    [
      "implementing",
      "execution",
      "delivery",
      "mise en oeuvre",
      "execution",
      "realisation",
      "implementacion",
      "ejecucion",
      "aplicacion",
    ],
  ],
  [
    "Reporting",
    [
      "reporting evaluation",
      "reporting and evaluation",
      "evaluation",
      "monitoring",
      "rapport",
      "rapportage",
      "evaluation et rapport",
      "suivi evaluation",
      "informe",
      "informes",
      "evaluacion",
      "presentacion de informes",
    ],
  ],
]);

export const LEVEL_WORDS = table([
  // Sub-national work is national in the plan's terms; multi-country and cross-border work is regional.
  ["National", ["local", "provincial", "sub national", "subnational", "district", "site", "infranational"]],
  [
    "Regional",
    [
      "multi country",
      "multicountry",
      "multi pays",
      "multipays",
      "multipais",
      "transboundary",
      "cross border",
      "transfrontalier",
      "transfronterizo",
    ],
  ],
  ["National", ["country", "nat", "nationale", "nacional", "pais"]],
  [
    "Regional",
    ["region", "reg", "regionale", "sub regional", "subregional", "sous regional", "sous regionale", "subregion"],
  ],
  [
    "International",
    [
      "intl",
      "int",
      "int l",
      "global",
      "worldwide",
      "inter regional",
      "interregional",
      "internationale",
      "mondial",
      "mondiale",
      "internacional",
      "mundial",
    ],
  ],
]);

export function lookupWord(table: ReadonlyMap<string, string>, text: string): string | undefined {
  return table.get(foldText(text));
}
