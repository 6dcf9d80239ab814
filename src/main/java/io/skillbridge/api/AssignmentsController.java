package io.skillbridge.api;

import io.skillbridge.outbound.Assignments;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Career goals and the learning assigned to close the gap to them. */
@RestController
@RequestMapping("/api/v1")
class AssignmentsController {

    /** The role a person wants to grow into. */
    record CareerGoal(String roleId) {
    }

    private final Assignments assignments;

    AssignmentsController(Assignments assignments) {
        this.assignments = assignments;
    }

    @Operation(summary = "Declare a career goal: the largest gaps to the role become assignments of content that closes them")
    @PutMapping("/persons/{id}/career-goal")
    Map<String, Object> careerGoal(@PathVariable String id, @RequestBody CareerGoal goal) {
        if (goal.roleId() == null || goal.roleId().isBlank()) {
            throw ApiException.badRequest("roleId", "roleId is required: the id of the target role");
        }
        return assignments.setCareerGoal(id, goal.roleId());
    }

    @Operation(summary = "A person's assignments, oldest first")
    @GetMapping("/persons/{id}/assignments")
    List<Map<String, Object>> list(@PathVariable String id) {
        return Rows.camel(assignments.forPerson(id));
    }
}
