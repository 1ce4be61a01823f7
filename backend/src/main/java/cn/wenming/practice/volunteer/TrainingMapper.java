package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import cn.wenming.practice.shared.CreationKeys;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface TrainingMapper extends BaseMapper<Training> {

	/** What this creator made with this idempotency key, if anything. */
	@Select("SELECT id, request_digest FROM volunteer_training WHERE recorded_by = #{creator} AND idempotency_key = #{key}")
	CreationKeys.Earlier findByKey(@Param("creator") long creator, @Param("key") String key);

	default List<Training> findByVolunteers(Collection<Long> volunteerIds) {
		return volunteerIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<Training>()
					.in(Training::getVolunteerId, volunteerIds)
					.orderByAsc(Training::getVolunteerId, Training::getId));
	}

}
