package org.carecourse.scheduling.clinic.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A clinic's scheduling rules, its own protocol data: whether it is Spravato REMS-certified, how
 * many concurrent treatments one nurse monitors, the notice that makes a cancellation late, the
 * grace after a start before a patient not checked in is a no-show, the lead times of reminders,
 * and its settings per appointment type (defaults: {@link AppointmentType#defaults()}).
 */
public record SchedulingPolicy(boolean remsCertified, int patientsPerNurse, int lateCancelNoticeHours, int noShowGraceMinutes,
        List<Integer> reminderLeadHours, Map<AppointmentType, TypeSettings> types) {

    /** Every type is held with its settings, the defaults filled in for those not given, so the policy says them all. */
    public SchedulingPolicy {
        reminderLeadHours = List.copyOf(reminderLeadHours);
        Map<AppointmentType, TypeSettings> all = new EnumMap<>(AppointmentType.class);
        all.putAll(types);
        for (AppointmentType type : AppointmentType.values()) {
            all.putIfAbsent(type, type.defaults());
        }
        types = Map.copyOf(all);
    }

    /** What a clinic works by until its admins set its policy: not certified, 1:2, 24 h notice, 15 min grace, 48 h and 2 h. */
    public static SchedulingPolicy defaults() {
        return new SchedulingPolicy(false, 2, 24, 15, List.of(48, 2), Map.of());
    }

    public TypeSettings settings(AppointmentType type) {
        return types.get(type);
    }
}
