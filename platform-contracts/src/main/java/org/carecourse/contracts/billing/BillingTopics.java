package org.carecourse.contracts.billing;

import org.carecourse.contracts.Topics;

/** Topics the billing context produces: one, keyed by patient, so a patient's money facts keep their order. */
public final class BillingTopics {

    public static final String ACCOUNT = Topics.name("billing", "account", 1);

    private BillingTopics() {
    }
}
