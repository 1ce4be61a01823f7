package cn.wenming.practice.evaluation;

import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface PeerReviewItemMapper extends BaseMapper<PeerReviewItem> {

	default List<PeerReviewItem> listAll(boolean includeDisabled) {
		return selectList(new LambdaQueryWrapper<PeerReviewItem>().eq(!includeDisabled, PeerReviewItem::getEnabled, true)
			.orderByAsc(PeerReviewItem::getId));
	}

	@Update("UPDATE peer_review_item SET enabled = #{enabled} WHERE id = #{id}")
	int setEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

}
