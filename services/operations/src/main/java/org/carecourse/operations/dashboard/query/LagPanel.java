package org.carecourse.operations.dashboard.query;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** How far these figures trail what the services published: the consumer groups' lag per topic. */
@Component
@Order(6)
class LagPanel implements DashboardPanel {

    private final ConsumerLag lag;

    LagPanel(ConsumerLag lag) {
        this.lag = lag;
    }

    @Override
    public Content build(Shown shown) {
        ConsumerLag.Reading lagging = lag.current();
        Long behind = lagging.total();
        Tile tile = new Tile("consumer-lag", "Events not yet shown", behind == null ? Cells.NONE : Cells.count(behind).display(),
                behind == null ? "the broker did not answer" : "published, not yet in these figures");
        List<List<Table.Cell>> rows = lagging.topics().stream().map(t -> List.of(Table.Cell.text(t.topic()), Table.Cell.text(t.group()),
                Cells.count(t.partitions()), t.behind() == null ? Table.Cell.text("broker did not answer") : Cells.count(t.behind()))).toList();
        Table table = new Table("lag", "Events published but not yet in these figures", List.of("Topic", "Consumer group", "Partitions",
                "Behind (records)"), rows, "No topic is read.");
        return new Content(List.of(tile), List.of(table), List.of());
    }
}
