package org.carecourse.treatment.protocol.upcasting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Protocols published, and courses opened, while the protocol was one flat list of numbers read as
 * today's named groups (dosing, vital signs, series, Spravato, outcomes, adverse events). Every
 * number keeps its value; only its place and, within its group, its name change. The older
 * upcasters still write the flat shape, so they run before this one.
 */
@Component
@Order(10)
public class ProtocolGroupsUpcaster extends ProtocolUpcaster {

    /** Each flat parameter's group and name in it. */
    private static final Map<String, String[]> PLACE = new LinkedHashMap<>();

    static {
        place("dosing", "doseMgPerKg", "mgPerKg", "minMgPerKg", "minMgPerKg", "maxMgPerKg", "maxMgPerKg", "doseCapMg", "capMg",
                "weightValidDays", "weightValidDays");
        place("vitalSigns", "startMaxSystolic", "startMaxSystolic", "startMaxDiastolic", "startMaxDiastolic", "startMaxHeartRate",
                "startMaxHeartRate", "startMinSpo2", "startMinSpo2", "holdMaxSystolic", "holdMaxSystolic", "holdMaxDiastolic",
                "holdMaxDiastolic", "holdMinSpo2", "holdMinSpo2", "vitalsEveryMinutes", "everyMinutes", "preStartVitalsMaxAgeMinutes",
                "preStartMaxAgeMinutes", "dischargeObservationMinutes", "dischargeObservationMinutes");
        place("series", "inductionCount", "inductionCount", "inductionWindowDays", "inductionWindowDays", "minimumSpacingHours",
                "minimumSpacingHours");
        place("spravato", "spravatoObservationMinutes", "observationMinutes", "spravatoDelaySystolic", "delaySystolic",
                "spravatoDelayDiastolic", "delayDiastolic", "spravatoPostDoseCheckMinutes", "postDoseCheckMinutes",
                "spravatoPostDoseCheckToleranceMinutes", "postDoseCheckToleranceMinutes", "remsFormDueDays", "remsFormDueDays");
        place("outcomes", "phq9Outcome", "phq9", "gad7Outcome", "gad7", "pcl5Outcome", "pcl5", "painOutcome", "pain",
                "futilityAfterInfusions", "futilityAfterTreatments");
        place("adverseEvents", "adverseEventReportingDays", "reportingDays");
    }

    /** Computed once: the older upcasters read it for every stored event they fill in. */
    private static final ObjectNode FLAT_DEFAULTS = flatten(JsonMapper.builder().build().valueToTree(TreatmentProtocol.defaults()));

    private static ObjectNode flatten(JsonNode grouped) {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        PLACE.forEach((flatName, place) -> flat.set(flatName, grouped.get(place[0]).get(place[1])));
        return flat;
    }

    private static void place(String group, String... flatThenGrouped) {
        for (int i = 0; i < flatThenGrouped.length; i += 2) {
            PLACE.put(flatThenGrouped[i], new String[] {group, flatThenGrouped[i + 1]});
        }
    }

    /**
     * The published defaults in the flat shape, for the upcasters that fill in a parameter an older
     * revision lacked (they run on the flat shape, before this one).
     */
    public static ObjectNode flatDefaults() {
        return FLAT_DEFAULTS.deepCopy();
    }

    public ProtocolGroupsUpcaster() {
        super("5", "6", "2", "3");
    }

    @Override
    ObjectNode rewrite(ObjectNode flat) {
        ObjectNode grouped = JsonNodeFactory.instance.objectNode();
        PLACE.forEach((flatName, place) -> {
            JsonNode value = flat.get(flatName);
            if (value == null) {
                throw new IllegalStateException("a stored protocol lacks " + flatName + ": an older upcaster did not fill it");
            }
            ObjectNode group = grouped.has(place[0]) ? (ObjectNode) grouped.get(place[0]) : grouped.putObject(place[0]);
            group.set(place[1], value);
        });
        return grouped;
    }
}
