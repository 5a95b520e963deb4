package org.evenhand.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

/** Deploys the BPMN files from workflows/ when the engine starts; unchanged files are not redeployed. */
@ApplicationScoped
public class ProcessDeployer {

    static final List<String> FILES = List.of("workflows/complaint.bpmn", "workflows/interim-suspension.bpmn",
            "workflows/escalation.bpmn", "workflows/retention.bpmn", "workflows/sanction-term.bpmn");
    private static final Logger LOG = Logger.getLogger(ProcessDeployer.class);

    @Inject
    RepositoryService repository;

    void deploy(@Observes CamundaEngineStartupEvent event) {
        var builder = repository.createDeployment().name("evenhand").enableDuplicateFiltering(true);
        for (String file : FILES) {
            builder.addClasspathResource(file);
        }
        var deployment = builder.deployWithResult();
        LOG.infof("Process deployment %s: %d process definitions new", deployment.getId(),
                deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size());
    }
}
