/**
 * Header words for each canonical field, in English, French and Spanish, as country teams write them.
 * Compared after foldText (lower case, no accents, punctuation as spaces, "%" as "pct", "#"/"N°" as
 * "no"), so each alias is listed once in a readable form and folded when the table is built.
 */
import type { ImportField } from "./types";

type ActivityKey = ImportField;
import { foldText } from "./text";

const RAW_ALIASES: Readonly<Record<ActivityKey, readonly string[]>> = {
  id: [
    "ID", "Ref", "Ref.", "Reference", "Référence", "Réf", "No.", "No", "N°", "Nº", "#", "Num", "Number", "Numéro", "Número",
    "Activity ID", "Activity ref", "Activity no", "Activity code", "Code activité", "ID activité", "Identifiant", "N° activité",
    "Réf. activité", "ID actividad", "Código actividad", "Código de actividad", "Nº actividad", "S/N", "SN", "Item", "Item no",
  ],
  title: [
    "Activity", "Activities", "Activity title", "Activity name", "Activity description", "Description", "Title", "Task",
    "Action", "What", "Activité", "Activités", "Intitulé", "Intitulé de l'activité", "Libellé", "Description de l'activité",
    "Titre", "Actividad", "Actividades", "Descripción", "Título", "Nombre de la actividad", "Descripción de la actividad",
  ],
  outcome: ["Outcome", "Outcome code", "Outcome no", "Résultat", "Code résultat", "Effet", "Resultado", "Código resultado"],
  subOutcome: [
    "Sub-outcome", "Sub outcome", "Suboutcome", "Sub-outcome code", "Sous-résultat", "Sous résultat", "Code sous-résultat",
    "Sub-resultado", "Subresultado", "Sub resultado",
  ],
  approach: [
    "Approach", "Approach code", "Approach no", "Approach (code)", "ICCWC approach", "SAP approach", "Strategic approach",
    "Approach code / title", "Approche", "Code approche", "Code de l'approche", "Approche ICCWC", "Approche stratégique",
    "Enfoque", "Código de enfoque", "Código enfoque", "Enfoque estratégico", "Enfoque ICCWC",
  ],
  leadAgencies: [
    "Lead", "Lead agency", "Lead agencies", "Lead partner", "Lead partners", "Lead organisation", "Lead organization", "Agency",
    "Agencies", "ICCWC partner", "Partner", "Partners", "Responsible", "Responsible agency", "Who", "Agence chef de file",
    "Organisme chef de file", "Chef de file", "Agence", "Agence responsable", "Partenaire", "Partenaires", "Agencia líder",
    "Agencia lider", "Agencia", "Organismo líder", "Agencia responsable", "Socio", "Socios", "Responsable",
  ],
  level: [
    "Level", "Scale", "Level of intervention", "Intervention level", "Scope", "Niveau", "Niveau d'intervention", "Échelle",
    "Nivel", "Nivel de intervención", "Escala", "Ámbito",
  ],
  countries: [
    "Country", "Countries", "Country/ies", "Country(ies)", "Countries (ISO)", "Where", "Location", "Beneficiary countries",
    "Beneficiary country", "Pays", "Pays concerné(s)", "Pays concernés", "Pays bénéficiaires", "País", "Países", "País(es)",
    "Países beneficiarios", "Ubicación",
  ],
  stage: ["Stage", "Phase", "Plan stage", "Étape", "Stade", "Phase du plan", "Etapa", "Fase"],
  status: [
    "Status", "State", "Progress status", "Implementation status", "Statut", "État", "Situation", "Statut d'avancement",
    "Estado", "Estatus", "Situación", "Estado de ejecución",
  ],
  startDate: [
    "Start", "Start date", "Begins", "Begin", "Starts", "From", "Commencement", "Planned start", "Date de début", "Début",
    "Date début", "Démarrage", "Fecha de inicio", "Inicio", "Fecha inicio", "Comienzo",
  ],
  endDate: [
    "End", "End date", "Ends", "To", "Until", "Finish", "Completion date", "Due", "Due date", "Deadline", "Planned end",
    "Date de fin", "Fin", "Date fin", "Échéance", "Fecha de fin", "Fecha fin", "Fecha de finalización", "Fecha de término",
    "Término",
  ],
  budgetUsd: [
    "Budget", "Budget (USD)", "Budget USD", "Total budget", "Cost", "Total cost", "Estimated cost", "Cost (USD)", "Amount",
    "Budget (US$)", "Coût", "Coût total", "Coût total (USD)", "Coût estimatif", "Budget total", "Montant", "Montant (USD)",
    "Presupuesto", "Presupuesto (USD)", "Costo", "Coste", "Costo total", "Monto", "Financement requis", "Budget requis",
    "Montant requis", "Required funding", "Funding required", "Funds required", "Funding needed", "Fondos requeridos",
    "Financiamiento requerido",
  ],
  fundedUsd: [
    "Funded", "Funded (USD)", "Funding secured", "Secured funds", "Secured", "Funds secured", "Funding", "Funds available",
    "Secured funding", "Funds raised", "Financement obtenu", "Financement acquis", "Financé", "Fonds obtenus", "Montant financé",
    "Financement", "Fonds mobilisés", "Financement mobilisé", "Financiamiento obtenido", "Fondos asegurados", "Financiado",
    "Fondos obtenidos", "Financiación", "Financiamiento", "Fondos movilizados",
  ],
  progress: [
    "Progress", "% done", "% complete", "Percent complete", "Completion", "% completion", "Progress (%)", "% progress",
    "Avancement", "Taux d'avancement", "% réalisé", "% d'avancement", "Progrès", "Progression", "Taux de réalisation",
    "Progreso", "Avance", "% de avance", "Porcentaje de avance", "% ejecutado", "% ejecución",
  ],
  need: ["Need", "Needs", "Need score", "Besoin", "Besoins", "Necesidad", "Necesidades"],
  valueAdded: ["Value added", "Added value", "Value-add", "Valeur ajoutée", "Valor añadido", "Valor agregado"],
  engagement: ["Engagement", "Commitment", "Country engagement", "Engagement du pays", "Compromiso", "Compromiso del país"],
  period: [
    "Period", "Timeframe", "Time frame", "Timeline", "Dates", "Implementation period", "Duration (from - to)", "Période",
    "Période de mise en œuvre", "Calendrier", "Chronogramme", "Periodo", "Periodo de ejecución", "Calendario", "Cronograma", "Fechas",
  ],
  notes: [
    "Notes", "Note", "Comments", "Comment", "Remarks", "Observations", "Remarques", "Commentaires", "Commentaire",
    "Observaciones", "Comentarios", "Notas", "Observación",
  ],
};

export interface FieldAlias {
  field: ActivityKey;
  /** Folded alias text. */
  folded: string;
}

/** Folded alias -> field. A Map, so a header such as "__proto__" or "constructor" finds nothing. */
export const ALIAS_TO_FIELD: ReadonlyMap<string, ActivityKey> = (() => {
  const m = new Map<string, ActivityKey>();
  for (const [field, aliases] of Object.entries(RAW_ALIASES) as [ActivityKey, readonly string[]][]) {
    for (const a of aliases) {
      const f = foldText(a);
      if (f && !m.has(f)) m.set(f, field);
    }
  }
  return m;
})();

/** Every alias, folded, for fuzzy matching. */
export const ALL_ALIASES: readonly FieldAlias[] = [...ALIAS_TO_FIELD.entries()].map(([folded, field]) => ({ folded, field }));
