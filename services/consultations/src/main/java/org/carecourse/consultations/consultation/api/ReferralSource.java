package org.carecourse.consultations.consultation.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the patient heard of the clinic, for the intake funnel. */
public enum ReferralSource implements Coded {
    PHYSICIAN("physician"), THERAPIST("therapist"), WEB_SEARCH("web-search"), SOCIAL_MEDIA("social-media"),
    FRIEND_OR_FAMILY("friend-or-family"), OTHER("other");

    private final String code;

    ReferralSource(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReferralSource fromCode(String code) {
        return Coded.parse(values(), code, "referral source");
    }
}
