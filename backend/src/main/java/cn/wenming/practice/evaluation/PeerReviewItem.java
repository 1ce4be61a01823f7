package cn.wenming.practice.evaluation;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A configurable item of 站互评 (see V48__evaluation.sql). */
@TableName("peer_review_item")
class PeerReviewItem {

	@TableId(type = IdType.AUTO)
	Long id;

	String name;

	Boolean enabled;

	public Boolean getEnabled() {
		return this.enabled;
	}

	Instant createdAt;

	public Long getId() {
		return this.id;
	}

	View view() {
		return new View(this.id, this.name, Boolean.TRUE.equals(this.enabled));
	}

	/** What the API shows of an item. */
	record View(long id, String name, boolean enabled) {
	}

}
