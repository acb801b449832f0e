/**
 * The plan's small vocabularies: levels of intervention, stages and statuses, with the words officers
 * use for them in English, French and Spanish. Decisions (also in docs/framework.md):
 * - "global", "mondial", "inter-regional" and "multi-country" are International: ICCWC's levels are
 *   national, regional and international, and work across regions is the international level.
 * - "sub-regional" and "cross-border" are Regional.
 * - "Evaluation" is the Reporting stage (the seed: "the reporting or evaluation of the impact").
 * - "On hold", "suspended" and "postponed" are Delayed: the work is behind its dates but not dropped.
 */
import { AliasIndex, type Match } from "./alias-index";

export const LEVELS = ["National", "Regional", "International"] as const;
export const STAGES = ["Identification", "Planning", "Implementation", "Reporting"] as const;
export const STATUSES = ["Not started", "Planned", "In progress", "Completed", "Delayed", "Cancelled"] as const;
export type Level = (typeof LEVELS)[number];
export type Stage = (typeof STAGES)[number];
export type Status = (typeof STATUSES)[number];

export const LEVEL_ALIASES: Record<Level, readonly string[]> = {
  National: [
    "national",
    "nationale",
    "nacional",
    "country",
    "country level",
    "country-level",
    "national level",
    "niveau national",
    "domestic",
  ],
  Regional: [
    "regional",
    "régional",
    "régionale",
    "sub-regional",
    "subregional",
    "sous-régional",
    "subregional",
    "regional level",
    "niveau régional",
    "cross-border",
    "transfrontalier",
    "transfronterizo",
  ],
  International: [
    "international",
    "internationale",
    "internacional",
    "intl",
    "int'l",
    "int",
    "global",
    "mondial",
    "mundial",
    "worldwide",
    "inter-regional",
    "interregional",
    "interrégional",
    "multi-regional",
    "international level",
    "niveau international",
  ],
};

export const STAGE_ALIASES: Record<Stage, readonly string[]> = {
  Identification: ["identification", "identify", "identificación", "scoping", "needs assessment"],
  Planning: [
    "planning",
    "plan",
    "planification",
    "planificación",
    "planeación",
    "preparation",
    "préparation",
    "preparación",
    "design",
  ],
  Implementation: [
    "implementation",
    "implementing",
    "mise en oeuvre",
    "mise en œuvre",
    "exécution",
    "implementación",
    "ejecución",
    "delivery",
    "execution",
    "completion",
  ],
  Reporting: [
    "reporting",
    "reporting/evaluation",
    "reporting and evaluation",
    "reporting & evaluation",
    "evaluation",
    "évaluation",
    "evaluación",
    "rapport",
    "rapports",
    "rapportage",
    "informe",
    "informes",
    "presentación de informes",
    "M&E",
    "monitoring and evaluation",
    "suivi et évaluation",
    "seguimiento y evaluación",
  ],
};

export const STATUS_ALIASES: Record<Status, readonly string[]> = {
  "Not started": [
    "not started",
    "not yet started",
    "non commencé",
    "pas commencé",
    "pas encore commencé",
    "no iniciado",
    "sin iniciar",
    "no comenzado",
    "pending",
    "to do",
    "todo",
    "not begun",
  ],
  Planned: [
    "planned",
    "planifié",
    "planifiée",
    "prévu",
    "prévue",
    "programmé",
    "planificado",
    "previsto",
    "programado",
    "scheduled",
  ],
  "In progress": [
    "in progress",
    "ongoing",
    "on going",
    "on-going",
    "underway",
    "under way",
    "started",
    "active",
    "wip",
    "en cours",
    "en curso",
    "en progreso",
    "en proceso",
    "en marcha",
    "in-progress",
  ],
  Completed: [
    "completed",
    "complete",
    "done",
    "finished",
    "closed",
    "achieved",
    "terminé",
    "terminée",
    "achevé",
    "achevée",
    "complété",
    "fini",
    "réalisé",
    "completado",
    "completada",
    "terminado",
    "finalizado",
    "concluido",
    "realizado",
  ],
  Delayed: [
    "delayed",
    "late",
    "behind schedule",
    "on hold",
    "suspended",
    "postponed",
    "retardé",
    "retardée",
    "en retard",
    "reporté",
    "suspendu",
    "retrasado",
    "atrasado",
    "demorado",
    "aplazado",
    "suspendido",
  ],
  Cancelled: [
    "cancelled",
    "canceled",
    "dropped",
    "abandoned",
    "annulé",
    "annulée",
    "abandonné",
    "cancelado",
    "cancelada",
    "anulado",
  ],
};

function indexOf<T extends string>(values: readonly T[], aliases: Record<T, readonly string[]>): AliasIndex {
  return new AliasIndex(values.map((value) => ({ value, aliases: aliases[value] })));
}

const levels = indexOf(LEVELS, LEVEL_ALIASES);
const stages = indexOf(STAGES, STAGE_ALIASES);
const statuses = indexOf(STATUSES, STATUS_ALIASES);

export const matchLevel = (text: string): Match | null => levels.match(text);
export const matchStage = (text: string): Match | null => stages.match(text);
export const matchStatus = (text: string): Match | null => statuses.match(text);
export const suggestLevel = (text: string, k = 3): string[] => levels.suggest(text, k);
export const suggestStage = (text: string, k = 3): string[] => stages.suggest(text, k);
export const suggestStatus = (text: string, k = 3): string[] => statuses.suggest(text, k);
