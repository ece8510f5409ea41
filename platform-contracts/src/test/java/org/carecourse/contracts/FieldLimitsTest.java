package org.carecourse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** No integration payload can carry an unbounded text or list: each one names its maximum. */
class FieldLimitsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @TestFactory
    List<DynamicTest> everyTextAndListOfEveryPayloadHasAMaximum() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(),
                () -> assertThat(unbounded(type.payloadClass())).as("unbounded fields of " + type.name()).isEmpty())).toList();
    }

    @TestFactory
    List<DynamicTest> everyGoldenFixtureIsWithinItsLimits() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(),
                () -> assertThat(VALIDATOR.validate(EventJson.read(GoldenFixtures.of(type)).payload())).isEmpty())).toList();
    }

    @Test
    void aPayloadOverItsLimitsIsNamedByTheValidator() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= FieldLimits.LIST; i++) {
            tooMany.add("depression");
        }
        var violations = VALIDATOR.validate(new ConsultationRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), tooMany));
        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactly("conditions");
    }

    private static List<String> unbounded(Class<?> record) {
        List<String> found = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            boolean sized = component.getAccessor().isAnnotationPresent(Size.class)
                    || component.getAnnotatedType().isAnnotationPresent(Size.class)
                    || fieldSized(record, component.getName());
            if ((type == String.class || Collection.class.isAssignableFrom(type)) && !sized) {
                found.add(record.getSimpleName() + "." + component.getName());
            }
            if (Collection.class.isAssignableFrom(type)
                    && component.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized) {
                AnnotatedType element = parameterized.getAnnotatedActualTypeArguments()[0];
                if (element.getType() == String.class && !element.isAnnotationPresent(Size.class)) {
                    found.add(record.getSimpleName() + "." + component.getName() + "[]");
                }
                if (element.getType() instanceof Class<?> elementClass && elementClass.isRecord()) {
                    found.addAll(unbounded(elementClass));
                }
            }
        }
        return found;
    }

    private static boolean fieldSized(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name).isAnnotationPresent(Size.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
