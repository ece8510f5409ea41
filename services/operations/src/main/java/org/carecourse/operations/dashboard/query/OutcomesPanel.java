package org.carecourse.operations.dashboard.query;

import java.util.List;

import org.carecourse.operations.outcome.query.CourseOutcomes;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Response and remission per clinic, over courses with enough sessions and an assessment to judge. */
@Component
@Order(4)
class OutcomesPanel implements DashboardPanel {

    private final CourseOutcomes outcomes;

    OutcomesPanel(CourseOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Content build(Shown shown) {
        List<CourseOutcomes.Outcomes> judged = shown.ids().isEmpty() ? List.of()
                : shown.inOrder(outcomes.of(shown.ids()), CourseOutcomes.Outcomes::clinicId);
        List<List<Table.Cell>> rows = judged.stream().filter(o -> o.courses() > 0).map(o -> List.of(
                Table.Cell.text(shown.clinic(o.clinicId()).name()), Cells.count(o.courses()), Cells.count(o.responders()),
                Cells.count(o.remitters()), Cells.rate(o.responseRate()), Cells.rate(o.remissionRate()))).toList();
        return Content.table(new Table("outcomes", "Outcomes (courses with at least 3 sessions)", List.of("Clinic", "Courses",
                "Responders", "Remitters", "Response rate", "Remission rate"), rows,
                "No course at these clinics has had three sessions and an assessment yet."));
    }
}
