package org.carecourse.treatment.course.web;

import java.util.UUID;

import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.servicekit.web.NotFoundException;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.carecourse.treatment.course.query.CourseDirectory.CourseSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a course: clinicians of the clinic it is at act on it; clinicians of
 * any clinic it has been at (transfers from or to them) read it; auditors read every course.
 */
@Component
public class CourseAccess {

    private final CourseDirectory courses;

    CourseAccess(CourseDirectory courses) {
        this.courses = courses;
    }

    public CourseSummary toChange(StaffMember staff, UUID courseId) {
        CourseSummary course = find(courseId);
        staff.requireClinic(course.clinicId());
        return course;
    }

    public CourseSummary toRead(StaffMember staff, UUID courseId) {
        CourseSummary course = find(courseId);
        if (!mayRead(staff, course)) {
            throw new AccessDeniedException("course " + courseId + " has never been at one of your clinics");
        }
        return course;
    }

    public boolean mayRead(StaffMember staff, CourseSummary course) {
        return staff.has(StaffRole.AUDITOR) || course.clinicsVisited().stream().anyMatch(staff.clinics()::contains);
    }

    private CourseSummary find(UUID courseId) {
        return courses.find(courseId).orElseThrow(() -> new NotFoundException("no treatment course " + courseId));
    }
}
