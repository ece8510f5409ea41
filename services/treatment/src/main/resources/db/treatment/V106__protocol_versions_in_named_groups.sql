-- Protocol versions kept while the protocol was one flat list of numbers take today's named
-- groups (the same move ProtocolGroupsUpcaster makes for stored events). Values are unchanged.
update treatment_protocol_version
   set protocol = jsonb_build_object(
       'dosing', jsonb_build_object(
           'mgPerKg', protocol -> 'doseMgPerKg',
           'minMgPerKg', protocol -> 'minMgPerKg',
           'maxMgPerKg', protocol -> 'maxMgPerKg',
           'capMg', protocol -> 'doseCapMg',
           'weightValidDays', protocol -> 'weightValidDays'),
       'vitalSigns', jsonb_build_object(
           'startMaxSystolic', protocol -> 'startMaxSystolic',
           'startMaxDiastolic', protocol -> 'startMaxDiastolic',
           'startMaxHeartRate', protocol -> 'startMaxHeartRate',
           'startMinSpo2', protocol -> 'startMinSpo2',
           'holdMaxSystolic', protocol -> 'holdMaxSystolic',
           'holdMaxDiastolic', protocol -> 'holdMaxDiastolic',
           'holdMinSpo2', protocol -> 'holdMinSpo2',
           'everyMinutes', protocol -> 'vitalsEveryMinutes',
           'preStartMaxAgeMinutes', protocol -> 'preStartVitalsMaxAgeMinutes',
           'dischargeObservationMinutes', protocol -> 'dischargeObservationMinutes'),
       'series', jsonb_build_object(
           'inductionCount', protocol -> 'inductionCount',
           'inductionWindowDays', protocol -> 'inductionWindowDays',
           'minimumSpacingHours', protocol -> 'minimumSpacingHours'),
       'spravato', jsonb_build_object(
           'observationMinutes', protocol -> 'spravatoObservationMinutes',
           'delaySystolic', protocol -> 'spravatoDelaySystolic',
           'delayDiastolic', protocol -> 'spravatoDelayDiastolic',
           'postDoseCheckMinutes', protocol -> 'spravatoPostDoseCheckMinutes',
           'postDoseCheckToleranceMinutes', protocol -> 'spravatoPostDoseCheckToleranceMinutes',
           'remsFormDueDays', protocol -> 'remsFormDueDays'),
       'outcomes', jsonb_build_object(
           'phq9', protocol -> 'phq9Outcome',
           'gad7', protocol -> 'gad7Outcome',
           'pcl5', protocol -> 'pcl5Outcome',
           'pain', protocol -> 'painOutcome',
           'futilityAfterTreatments', protocol -> 'futilityAfterInfusions'),
       'adverseEvents', jsonb_build_object(
           'reportingDays', protocol -> 'adverseEventReportingDays'))
 where protocol ? 'doseMgPerKg';
