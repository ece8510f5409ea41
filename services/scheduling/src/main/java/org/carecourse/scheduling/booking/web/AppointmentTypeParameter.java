package org.carecourse.scheduling.booking.web;

import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code ?type=iv-infusion} by the type's code, as its JSON does. */
@Component
class AppointmentTypeParameter implements Converter<String, AppointmentType> {

    @Override
    public AppointmentType convert(String code) {
        return AppointmentType.fromCode(code);
    }
}
